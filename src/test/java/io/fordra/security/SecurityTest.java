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
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
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

  private static final String PASSWORD = "Right-Password-1";

  private RestClient http;
  private final List<String> users = new java.util.ArrayList<>();

  @BeforeEach
  void client() {
    http = RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
    users.clear();
  }

  /** A user of this test only (no groups), with password {@link #PASSWORD}. */
  private String newUser() {
    String id = "sec-test-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    users.add(id);
    return id;
  }

  @Test
  void apiWithoutCredentialsIs401WithBasicChallengeAndProblem() {
    Reply reply = get("/api/invoices", h -> {});

    assertUnauthorizedProblem(reply);
  }

  /**
   * Wrong passwords are tried on a user of this test, never on admin: Camunda throttles a user after a failed
   * password check (and locks it after 10), which would make admin:admin fail in every test sharing this context.
   */
  @Test
  void apiWithWrongPasswordIs401() {
    String user = newUser();
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth(user, "wrong")));
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth(user, "")));
    assertUnauthorizedProblem(get("/api/invoices", h -> h.setBasicAuth("nobody-" + user, PASSWORD)));
  }

  @Test
  void apiWithAnotherUsersRightPasswordIs200InAGroupOf403InNone() {
    String user = newUser();
    Reply none = get("/api/invoices", h -> h.setBasicAuth(user, PASSWORD));
    assertThat(none.status()).as(none.body()).isEqualTo(403);
    assertThat(none.body()).contains("\"status\":403").contains("is in no group");

    identity.createMembership(user, "case-handlers");
    Reply reply = get("/api/invoices", h -> h.setBasicAuth(user, PASSWORD));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
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

  /**
   * The shared test context gives the engine a unique name (camunda.bpm.generate-unique-process-engine-name), so the
   * engine is addressed by name here; in production it is "default" and /engine-rest/process-definition is the same.
   */
  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + "/" + resource;
  }

  @Test
  void engineRestWithoutCredentialsIs401() {
    Reply reply = get(engineRest("process-definition"), h -> {});

    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
  }

  @Test
  void engineRestWithWrongPasswordIs401() {
    String user = newUser();
    Reply reply = get(engineRest("process-definition"), h -> h.setBasicAuth(user, "wrong"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
  }

  @Test
  void engineRestWithAdminIs200() {
    Reply reply = get(engineRest("process-definition"), h -> h.setBasicAuth("admin", "admin"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(reply.body()).contains("invoice-to-cash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"process-instance", "task", "user", "group", "history/process-instance", "deployment"})
  void engineRestGivesNoDataWithoutCredentials(String resource) {
    Reply reply = get(engineRest(resource), h -> {});

    assertThat(reply.status()).as(resource + ": " + reply.body()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("invoice-to-cash").doesNotContain("\"admin\"");
  }

  @Test
  void engineRestDefaultPathGivesNoDataWithoutCredentials() {
    Reply reply = get("/engine-rest/process-definition", h -> {});

    assertThat(reply.status()).as(reply.body()).isNotEqualTo(200);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//api/invoices", "/api//invoices", "/api/./invoices", "/api/invoices/", "/x/../api/invoices",
      "/api;a=b/invoices", "/%61pi/invoices", "/api/%69nvoices"})
  void apiPathVariantsAreNotOpen(String path) {
    Reply reply = exchangeAbsolute(path);

    assertThat(reply.status()).as(path + ": " + reply.body()).isNotEqualTo(200);
    assertThat(reply.body()).doesNotContain("invoiceNumber");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//engine-rest/engine/%s/process-definition", "/engine-rest//engine/%s/process-definition",
      "/engine-rest/./engine/%s/process-definition", "/engine-rest;a=b/engine/%s/process-definition",
      "/%%65ngine-rest/engine/%s/process-definition"})
  void engineRestPathVariantsAreNotOpen(String pattern) {
    String path = pattern.formatted(engine.getName());
    Reply reply = exchangeAbsolute(path);

    assertThat(reply.status()).as(path + ": " + reply.body()).isNotEqualTo(200);
    assertThat(reply.body()).doesNotContain("invoice-to-cash");
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

  /** Actuator: health is public (no details, no challenge), everything else is for administrators. */
  @Test
  void actuatorHealthIsOpenAndTheRestIsForAdministrators() {
    Reply health = get("/actuator/health", h -> {});
    assertThat(health.status()).as(health.body()).isIn(200, 503);
    assertThat(health.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(health.json().has("components")).as("no details: " + health.body()).isFalse();

    assertUnauthorizedProblem(get("/actuator", h -> {}));
    assertUnauthorizedProblem(get("/actuator/env", h -> {}));
    String auditor = newUser();
    identity.createMembership(auditor, "auditors");
    Reply forbidden = get("/actuator", h -> h.setBasicAuth(auditor, PASSWORD));
    assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
    assertThat(forbidden.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    Reply admin = get("/actuator", h -> h.setBasicAuth("admin", "admin"));
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
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

  /** The path exactly as written (no URI template expansion or normalisation on the client). */
  private Reply exchangeAbsolute(String rawPath) {
    java.net.URI uri = java.net.URI.create("http://localhost:" + port + rawPath);
    return http.get().uri(uri).exchange((req, res) -> {
      String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
      return new Reply(res.getStatusCode().value(), res.getHeaders(), text, JSON.missingNode());
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
