package io.fordra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Calls to /api answered as they came, whatever the status (no exception for 4xx and 5xx), and what they say. */
public final class ApiAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiAnswers() {}

  /** A request with a JSON body (none when null). */
  public static ResponseEntity<String> send(RestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  /** A JSON merge patch (RFC 7396) as the client wrote it. */
  public static ResponseEntity<String> patch(RestClient client, String uri, String mergePatch) {
    return client.patch().uri(uri).contentType(MediaType.valueOf("application/merge-patch+json")).body(mergePatch)
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  public static ResponseEntity<String> get(RestClient client, String uri) {
    return client.get().uri(uri).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  public static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  /** The problem's errors as "field: message", in their order. */
  public static List<String> errors(ResponseEntity<String> problem) throws Exception {
    List<String> errors = new ArrayList<>();
    json(problem).get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return errors;
  }
}
