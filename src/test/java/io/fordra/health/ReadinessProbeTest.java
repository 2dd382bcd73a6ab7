package io.fordra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The probes of a started Fordra (issue 13, finding 12): public, ready after start, without details. */
@FordraTestContext
class ReadinessProbeTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired Readiness readiness;

  @Test
  void readinessIsUpAfterStart() throws Exception {
    assertThat(readiness.isReady()).isTrue();
    HttpResponse<String> ready = get("/actuator/health/readiness");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void livenessIsUp() throws Exception {
    HttpResponse<String> live = get("/actuator/health/liveness");
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void healthShowsNoDetails() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
      HttpResponse<String> health = get(path);
      JsonNode body = JSON.readTree(health.body());
      assertThat(body.has("status")).as(path).isTrue();
      assertThat(body.has("components")).as(path + ": " + health.body()).isFalse();
      assertThat(body.has("details")).as(path + ": " + health.body()).isFalse();
      assertThat(health.body()).as(path).doesNotContain("jdbc").doesNotContain("waitingFor");
    }
  }

  @Test
  void nothingElseOfActuatorIsExposed() throws Exception {
    for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
        "/actuator/health/db", "/actuator/health/fordraReadiness"}) {
      // 401: the actuator chain wants an administrator first (io.fordra.security.SecurityChains); 404: not exposed.
      assertThat(get(path).statusCode()).as(path).isIn(401, 404);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
