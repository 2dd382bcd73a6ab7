package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Nothing is open: /api and /engine-rest need HTTP Basic, the webapps their own login; Fordra's groups exist. */
@FordraTestContext
class SecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> GROUPS = List.of("case-handlers", "process-owners", "auditors", "finance");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  private RestClient http;

  @BeforeEach
  void client() {
    http = RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  @Test
  void apiWithoutCredentialsIs401WithBasicChallengeAndProblem() {
    Reply reply = get("/api/invoices", h -> {});

    assertUnauthorizedProblem(reply);
  }

  @Test
  void apiWithWrongPasswordIs401() {
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth("admin", "wrong")));
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth("nobody", "admin")));
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth("admin", "")));
  }

  @Test
  void apiWithMalformedAuthorizationHeaderIs401() {
    assertUnauthorizedProblem(get("/api/invoices", h -> h.set(HttpHeaders.AUTHORIZATION, "Basic !!!not-base64")));
    assertUnauthorizedProblem(get("/api/invoices", h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer abc")));
  }

  @Test
  void apiWithAdminIs200() {
    Reply reply = get("/api/invoices", h -> h.setBasicAuth("admin", "admin"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
  }

  @Test
  void postWithoutCredentialsIs401AndStoresNothing() {
    String number = "SEC-" + UUID.randomUUID().toString().substring(0, 12);
    String customer = """
        {"customerNumber":"%s","name":"Anna","type":"PRIVATE","country":"SE","email":"anna@example.se",
         "address":{"street":"Storgatan 1","postalCode":"111 22","city":"Stockholm"},"reminderFeeAgreed":false}"""
        .formatted(number);

    Reply reply = exchange(HttpMethod.POST, "/api/customers", customer, h -> {});

    assertUnauthorizedProblem(reply);
    assertThat(get("/api/customers/" + number, h -> h.setBasicAuth("admin", "admin")).status()).isEqualTo(404);
  }

  @Test
  void engineRestWithoutCredentialsIs401() {
    Reply reply = get("/engine-rest/process-definition", h -> {});

    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
  }

  @Test
  void engineRestWithWrongPasswordIs401() {
    Reply reply = get("/engine-rest/process-definition", h -> h.setBasicAuth("admin", "wrong"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
  }

  @Test
  void engineRestWithAdminIs200() {
    Reply reply = get("/engine-rest/process-definition", h -> h.setBasicAuth("admin", "admin"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(reply.body()).contains("invoice-to-cash");
  }

  @Test
  void fordrasGroupsExistAndAdminIsInEach() {
    for (String id : GROUPS) {
      Group group = identity.createGroupQuery().groupId(id).singleResult();
      assertThat(group).as("group " + id).isNotNull();
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup(id).count())
          .as("admin in " + id).isEqualTo(1);
    }
    assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
        .containsAll(GROUPS);
  }

  @Test
  void tasklistIsServedOrRedirectsToItsLogin() {
    Reply reply = get("/camunda/app/tasklist/", h -> {});

    assertThat(reply.status()).as(reply.body()).satisfiesAnyOf(
        status -> assertThat(status).isEqualTo(200),
        status -> assertThat(status).isBetween(301, 308));
    if (reply.status() == 200) {
      assertThat(reply.headers().getContentType()).isNotNull();
      assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    } else {
      assertThat(reply.headers().getFirst(HttpHeaders.LOCATION)).contains("/camunda/app/");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"task", "process-definition", "user"})
  void webappApiGivesNoDataWithoutASession(String resource) {
    for (String engineName : List.of(engine.getName(), "default")) {
      Reply reply = get("/camunda/api/engine/engine/" + engineName + "/" + resource, h -> {});

      assertThat(reply.status()).as(engineName + "/" + resource + ": " + reply.body()).isIn(401, 403);
      assertThat(reply.body()).doesNotContain("invoice-to-cash").doesNotContain("\"admin\"");
    }
  }

  @Test
  void webappApiIgnoresBasicCredentialsWithoutASession() {
    Reply reply = get("/camunda/api/engine/engine/" + engine.getName() + "/task",
        h -> h.setBasicAuth("nobody", "nothing"));

    assertThat(reply.status()).as(reply.body()).isIn(401, 403);
  }

  // ---------------------------------------------------------------------------------------------------------------

  record Reply(int status, HttpHeaders headers, String body, JsonNode json) {}

  private Reply get(String path, Consumer<HttpHeaders> headers) {
    return exchange(HttpMethod.GET, path, null, headers);
  }

  private Reply exchange(HttpMethod method, String path, String body, Consumer<HttpHeaders> headers) {
    RestClient.RequestBodySpec request = http.method(method).uri(path).headers(headers);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, res) -> {
      String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json;
      try {
        json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      } catch (IOException e) {
        json = JSON.missingNode();
      }
      return new Reply(res.getStatusCode().value(), res.getHeaders(), text, json);
    });
  }

  private static void assertUnauthorizedProblem(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as("WWW-Authenticate")
        .isNotNull().startsWith("Basic");
    assertThat(reply.headers().getContentType()).isNotNull();
    assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as(String.valueOf(reply.headers().getContentType())).isTrue();
    assertThat(reply.json().path("status").asInt()).isEqualTo(401);
    assertThat(reply.json().path("title").asText()).isNotBlank();
    assertThat(reply.body()).doesNotContain("invoiceNumber");
  }
}
