package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The API's description: behind the login, every /api operation with who may call it and its problem answers. */
@FordraTestContext
class ApiDocumentationTest extends ProcessTestSupport {

  private static final String PASSWORD = "Docs-Reader-2026";

  @Autowired IdentityService identity;
  private String caseHandler;

  @AfterEach
  void deleteUser() {
    if (caseHandler != null) {
      identity.deleteUser(caseHandler);
    }
  }

  @Test
  void theDescriptionNeedsALogin() {
    ResponseEntity<String> anonymous = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

    ResponseEntity<String> ui = RestClient.create("http://localhost:" + port).get().uri("/swagger-ui/index.html")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    assertThat(ui.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void everyStaffUserReadsItAndSwaggerUiServesIt() throws Exception {
    caseHandler = "docs-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identity.newUser(caseHandler);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(caseHandler, StaffGroups.CASE_HANDLERS);
    RestClient asCaseHandler = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(caseHandler, PASSWORD)).build();

    assertThat(asCaseHandler.get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<String> ui = asCaseHandler.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);
    assertThat(ui.getBody()).contains("swagger-ui");
  }

  @Test
  void eachOperationSaysWhoMayCallItAndAnswersProblemsInProblemJson() throws Exception {
    JsonNode api = new ObjectMapper().readTree(call(HttpMethod.GET, "/v3/api-docs", null).getBody());

    assertThat(api.get("openapi").asText()).startsWith("3.");
    assertThat(api.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"))
        .contains("/api/invoices", "/api/payments", "/api/invoices/{invoiceNumber}/objections");
    JsonNode createInvoice = api.at("/paths/~1api~1invoices/post");
    assertThat(createInvoice.get("x-fordra-groups")).extracting(JsonNode::asText)
        .containsExactly(StaffGroups.FINANCE, StaffGroups.ADMINS);
    assertThat(createInvoice.get("description").asText())
        .contains("Who may call it: " + StaffGroups.FINANCE + ", " + StaffGroups.ADMINS + ".");
    assertThat(createInvoice.at("/responses/400/content").has("application/problem+json")).isTrue();
    assertThat(createInvoice.at("/responses/403/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    // The same rule as the door: an objection is for case handlers and finance; reading an invoice also for
    // process owners, and for auditors, who may read everything.
    assertThat(api.at("/paths/~1api~1invoices~1{invoiceNumber}~1objections/post/x-fordra-groups"))
        .extracting(JsonNode::asText)
        .containsExactly(StaffGroups.CASE_HANDLERS, StaffGroups.FINANCE, StaffGroups.ADMINS);
    assertThat(api.at("/paths/~1api~1invoices~1{invoiceNumber}/get/x-fordra-groups")).extracting(JsonNode::asText)
        .containsExactly(StaffGroups.CASE_HANDLERS, StaffGroups.FINANCE, StaffGroups.PROCESS_OWNERS,
            StaffGroups.ADMINS, StaffGroups.AUDITORS);
    assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(api.at("/components/schemas/Problem/properties").has("errors"))
        .as(api.at("/components/schemas").toString()).isTrue();
  }
}
