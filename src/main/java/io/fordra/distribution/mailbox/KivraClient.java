package io.fordra.distribution.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Kivra sender API (the reference for the DIGITAL_MAILBOX channel), as its public documentation describes it
 * (developer.kivra.com, "Kivra API" v2 tenant endpoints, and the production/sandbox introduction):
 * <ul>
 *   <li>OAuth2 client credentials: {@code POST /v1/auth} with {@code Authorization: Basic base64(id:secret)} and the
 *       form body {@code grant_type=client_credentials}; the answer's {@code access_token} is valid for
 *       {@code expires_in} seconds (8 hours) and is kept until shortly before then;</li>
 *   <li>user matching: {@code POST /v2/tenant/{tenantKey}/usermatch/ssn} with {@code {"list":["YYYYMMDDNNNN"]}}; the
 *       answer lists only the persons who have a mailbox and accept content from the sender;</li>
 *   <li>content: {@code POST /v2/tenant/{tenantKey}/content}, answered 201 with the header {@code kivra-objkey}.</li>
 * </ul>
 * A 5xx, a timeout or no connection is {@link KivraUnavailableException} (the job fails and is retried); a 4xx other
 * than 401 is {@link KivraRejectedException} (retrying would not help). A 401 fetches a new token once.
 */
@Component
public class KivraClient {

  /** Renew the token this long before Kivra says it expires. */
  private static final long MARGIN_SECONDS = 60;

  private final MailboxProperties properties;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http;
  private volatile Token token;

  private record Token(String value, Instant expiresAt) {}

  @Autowired
  public KivraClient(MailboxProperties properties, ObjectMapper json) {
    this(properties, json, Clock.systemUTC());
  }

  KivraClient(MailboxProperties properties, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Whether the person (personnummer YYYYMMDDNNNN) has a Kivra mailbox that accepts the sender's content. */
  public boolean hasMailbox(String ssn) {
    String body = write(Map.of("list", java.util.List.of(ssn)));
    HttpResponse<String> response = authorised("usermatch/ssn", body);
    if (response.statusCode() != 200) {
      throw unexpected("user matching", response);
    }
    JsonNode list = read(response.body()).path("list");
    for (JsonNode matched : list) {
      if (ssn.equals(matched.asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends one content (the JSON body as built by {@link KivraContent}); returns Kivra's key of the created content.
   */
  public String sendContent(String body) {
    HttpResponse<String> response = authorised("content", body);
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw unexpected("content", response);
    }
    String key = response.headers().firstValue("kivra-objkey").orElse(null);
    if (key == null && response.body() != null && !response.body().isBlank()) {
      key = read(response.body()).path("key").asText(null);
    }
    return key == null ? "" : key;
  }

  private HttpResponse<String> authorised(String path, String body) {
    if (!properties.configured()) {
      throw new KivraUnavailableException("fordra.mailbox.client-id, client-secret and tenant-key are not set");
    }
    URI uri = URI.create(properties.baseUrl() + "/v2/tenant/" + URLEncoder.encode(properties.tenantKey(),
        StandardCharsets.UTF_8) + "/" + path);
    HttpResponse<String> response = post(uri, body, accessToken());
    if (response.statusCode() == 401) {
      token = null; // revoked or expired early: one new token, one more try
      response = post(uri, body, accessToken());
    }
    return response;
  }

  private HttpResponse<String> post(URI uri, String body, String bearer) {
    return exchange(HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), uri.getPath());
  }

  /** The cached access token, or a new one (client credentials) when there is none or it is about to expire. */
  String accessToken() {
    Token current = token;
    if (current != null && clock.instant().isBefore(current.expiresAt())) {
      return current.value();
    }
    synchronized (this) {
      if (token != null && clock.instant().isBefore(token.expiresAt())) {
        return token.value();
      }
      String basic = Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
          .getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(properties.tokenUrl()))
          .timeout(properties.requestTimeout())
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), "token");
      if (response.statusCode() != 200) {
        throw unexpected("token", response);
      }
      JsonNode answer = read(response.body());
      String value = answer.path("access_token").asText(null);
      if (value == null || value.isBlank()) {
        throw new KivraUnavailableException("Kivra's token answer has no access_token");
      }
      long seconds = answer.path("expires_in").asLong(0);
      token = new Token(value, clock.instant().plusSeconds(Math.max(0, seconds - MARGIN_SECONDS)));
      return value;
    }
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new KivraUnavailableException("Kivra did not answer " + what + " within "
          + properties.requestTimeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new KivraUnavailableException("Kivra could not be reached for " + what + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KivraUnavailableException("interrupted while waiting for Kivra (" + what + ")");
    }
  }

  private RuntimeException unexpected(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body().strip();
    text = text.length() > 300 ? text.substring(0, 300) + "…" : text;
    String message = "Kivra answered " + what + " with HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    boolean lasting = status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    return lasting ? new KivraRejectedException(status, message) : new KivraUnavailableException(message);
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body == null ? "" : body);
    } catch (IOException e) {
      throw new KivraUnavailableException("Kivra's answer is not JSON: " + e.getMessage());
    }
  }

  /** Kivra could not be reached or failed (5xx, timeout): the sending job fails and is retried. */
  public static class KivraUnavailableException extends IllegalStateException {
    public KivraUnavailableException(String message) {
      super(message);
    }
  }

  /** Kivra refused the request for good (4xx): sending it again would not help. */
  public static class KivraRejectedException extends RuntimeException {
    private final int status;

    public KivraRejectedException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
