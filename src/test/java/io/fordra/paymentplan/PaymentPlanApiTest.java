package io.fordra.paymentplan;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ApiAnswers;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.RestClient;

/**
 * POST /api/payment-plans, GET …/{planNumber} and GET ?customerNumber= over HTTP: who may, what reaches
 * PaymentPlans (a mock: the doors only), the view as JSON and every reason for bad input.
 */
@FordraTestContext
class PaymentPlanApiTest extends ProcessTestSupport {

  private static final String PASSWORD = "Plan-Password-1";

  @MockitoBean PaymentPlans plans;
  // PaymentPlanService is both ports: mocking one of them replaces it, so the other is mocked too.
  @MockitoBean io.fordra.paymentplan.PlanLifecycle lifecycle;
  @MockitoBean io.fordra.paymentplan.PlanLetters letters;

  private final List<String> users = new ArrayList<>();

  @AfterEach
  void deleteUsers() {
    users.forEach(engine.getIdentityService()::deleteUser);
  }

  @Test
  void aCaseHandlerRequestsAPlanOnThePhonesWordAndGetsItsView() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    PaymentPlanView running = running(invoice);
    when(plans.request(any())).thenReturn(running);
    String handler = user("case-handlers");

    ResponseEntity<String> created = ApiAnswers.send(as(handler), HttpMethod.POST, "/api/payment-plans", Map.of(
        "customerNumber", invoice.customerNumber(), "invoiceNumbers", List.of(invoice.invoiceNumber()),
        "kind", "INSTALMENTS", "instalments", 3, "firstDueDate", "2026-04-01", "note", "Lost her job in March"));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/payment-plans/PP-41");
    ArgumentCaptor<PlanRequest> asked = ArgumentCaptor.forClass(PlanRequest.class);
    verify(plans).request(asked.capture());
    assertThat(asked.getValue()).isEqualTo(new PlanRequest(invoice.customerNumber(),
        List.of(invoice.invoiceNumber()), PlanKind.INSTALMENTS, 3, LocalDate.of(2026, 4, 1), null,
        "Lost her job in March", PlanRequest.RequestedBy.CASE_HANDLER, handler));
    JsonNode plan = json(created);
    assertThat(plan.get("planNumber").asText()).isEqualTo("PP-41");
    assertThat(plan.get("status").asText()).isEqualTo("RUNNING");
    assertThat(plan.get("kind").asText()).isEqualTo("INSTALMENTS");
    assertThat(plan.get("customerNumber").asText()).isEqualTo(invoice.customerNumber());
    assertThat(plan.get("invoiceNumbers").get(0).asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(plan.get("currency").asText()).isEqualTo("SEK");
    // Amounts as the API's other amounts: JSON numbers with their öre.
    assertThat(plan.get("openAmount").isNumber()).isTrue();
    assertThat(created.getBody()).contains("\"openAmount\":9000.00", "\"fee\":170.00", "\"amount\":3056.68");
    assertThat(plan.get("openAmount").decimalValue()).isEqualByComparingTo("9000.00");
    assertThat(plan.get("fee").decimalValue()).isEqualByComparingTo("170.00");
    assertThat(plan.get("totalAmount").decimalValue()).isEqualByComparingTo("9170.00");
    assertThat(plan.get("paidAmount").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(plan.get("requestedInstalments").asInt()).isEqualTo(3);
    assertThat(plan.get("requestedFirstDueDate").asText()).isEqualTo("2026-04-01");
    assertThat(plan.get("deferTo").isNull()).isTrue();
    assertThat(plan.get("note").asText()).isEqualTo("Lost her job in March");
    assertThat(plan.get("interestRuns").asBoolean()).isTrue();
    assertThat(plan.get("requestedBy").asText()).isEqualTo("CASE_HANDLER");
    assertThat(plan.get("decidedBy").asText()).isEqualTo("payment-plan-policy");
    assertThat(plan.get("reason").asText()).isEqualTo("within policy");
    assertThat(plan.get("createdAt").asText()).isEqualTo("2026-03-10T08:00:00Z");
    JsonNode third = plan.get("instalments").get(2);
    assertThat(third.get("number").asInt()).isEqualTo(3);
    assertThat(third.get("dueDate").asText()).isEqualTo("2026-06-01");
    assertThat(third.get("amount").decimalValue()).isEqualByComparingTo("3056.68");
    assertThat(third.get("paymentReference").asText()).isEqualTo("9000000037");
    assertThat(third.get("paidAmount").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(third.get("status").asText()).isEqualTo("OPEN");
    assertThat(plan.size()).as("every field of the view").isEqualTo(PaymentPlanView.class.getRecordComponents().length);

    when(plans.find(41)).thenReturn(Optional.of(running));
    ResponseEntity<String> read = ApiAnswers.get(as(handler), "/api/payment-plans/PP-41");
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(plan);

    when(plans.ofCustomer(invoice.customerNumber())).thenReturn(List.of(running));
    ResponseEntity<String> list = ApiAnswers.get(as(handler), "/api/payment-plans?customerNumber="
        + invoice.customerNumber());
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(json(list).get(0)).isEqualTo(plan);
  }

  @Test
  void aDeferralNamesOneInvoiceAndItsNewDate() {
    when(plans.request(any())).thenAnswer(call -> deferral(call.getArgument(0)));
    ResponseEntity<String> created = call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", List.of("F-2026-0001"), "kind", "DEFERRAL", "deferTo", "2026-05-15"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    ArgumentCaptor<PlanRequest> asked = ArgumentCaptor.forClass(PlanRequest.class);
    verify(plans).request(asked.capture());
    assertThat(asked.getValue()).isEqualTo(new PlanRequest("C-1", List.of("F-2026-0001"), PlanKind.DEFERRAL, null,
        null, LocalDate.of(2026, 5, 15), null, PlanRequest.RequestedBy.CASE_HANDLER, "admin"));
  }

  @Test
  void caseHandlersAndFinanceMayRequestProcessOwnersAndAuditorsOnlyReadAndNoOneAnonymously() {
    when(plans.request(any())).thenAnswer(call -> deferral(call.getArgument(0)));
    when(plans.find(5)).thenReturn(Optional.of(deferral(new PlanRequest("C-1", List.of("F-1"), PlanKind.DEFERRAL,
        null, null, LocalDate.of(2026, 5, 15), null, PlanRequest.RequestedBy.CASE_HANDLER, "x"))));
    Map<String, Object> body = Map.of("customerNumber", "C-1", "invoiceNumbers", List.of("F-1"), "kind", "DEFERRAL",
        "deferTo", "2026-05-15");
    for (String group : List.of("case-handlers", "finance")) {
      RestClient as = as(user(group));
      assertThat(ApiAnswers.send(as, HttpMethod.POST, "/api/payment-plans", body).getStatusCode().value())
          .as(group).isEqualTo(201);
      assertThat(ApiAnswers.get(as, "/api/payment-plans/PP-5").getStatusCode().value()).as(group).isEqualTo(200);
    }
    for (String group : List.of("process-owners", "auditors")) {
      RestClient as = as(user(group));
      ResponseEntity<String> refused = ApiAnswers.send(as, HttpMethod.POST, "/api/payment-plans", body);
      assertThat(refused.getStatusCode().value()).as(group).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(ApiAnswers.get(as, "/api/payment-plans/PP-5").getStatusCode().value()).as(group).isEqualTo(200);
    }
    RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port).build();
    ResponseEntity<String> noLogin = ApiAnswers.send(anonymous, HttpMethod.POST, "/api/payment-plans", body);
    assertThat(noLogin.getStatusCode().value()).isEqualTo(401);
    assertThat(noLogin.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(ApiAnswers.get(anonymous, "/api/payment-plans/PP-5").getStatusCode().value()).isEqualTo(401);
    assertThat(ApiAnswers.get(anonymous, "/api/payment-plans?customerNumber=C-1").getStatusCode().value())
        .isEqualTo(401);
    verify(plans, org.mockito.Mockito.times(2)).request(any());
  }

  @Test
  void everyProblemOfABodyIsListedAtOnceAndNothingReachesThePlans() throws Exception {
    ResponseEntity<String> bad = call(HttpMethod.POST, "/api/payment-plans", """
        {"customerNumber": "C 1/../x", "invoiceNumbers": ["F-1", 17, "F;2", "F-1"], "kind": "MONTHLY",
         "instalments": "three", "firstDueDate": "2026-02-30", "deferTo": "soon", "status": "RUNNING",
         "note": 42}""");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(errors(bad)).containsExactlyInAnyOrder(
        "status: is not a property of this resource; known properties: customerNumber, deferTo, firstDueDate, "
            + "instalments, invoiceNumbers, kind, note",
        "invoiceNumbers[1]: must be a JSON string (text in quotes), not a number (17)",
        "invoiceNumbers[2]: 'F;2' is not a valid number: " + io.fordra.kernel.Identifiers.RULE,
        "invoiceNumbers[3]: 'F-1' is given twice",
        "kind: 'MONTHLY' is not one of [INSTALMENTS, DEFERRAL]",
        "instalments: must be a whole number (JSON number), not text ('three')",
        "firstDueDate: '2026-02-30' is not a date (YYYY-MM-DD)",
        "deferTo: 'soon' is not a date (YYYY-MM-DD)",
        "note: must be a JSON string (text in quotes), not a number (42)",
        "customerNumber: 'C 1/../x' is not a valid number: " + io.fordra.kernel.Identifiers.RULE);
    assertThat(json(bad).get("errorCount").asInt()).isEqualTo(10);

    ResponseEntity<String> shape = call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", List.of("F-1", "F%2", "F-1"), "kind", "INSTALMENTS", "instalments", -2,
        "deferTo", "2026-05-01"));
    assertThat(errors(shape)).containsExactlyInAnyOrder(
        "invoiceNumbers[1]: 'F%2' is not a valid number: " + io.fordra.kernel.Identifiers.RULE,
        "invoiceNumbers[2]: 'F-1' is given twice",
        "instalments: must be 1 to 12, but was -2",
        "deferTo: is for a DEFERRAL only: an INSTALMENTS plan has firstDueDate");
    assertThat(errors(call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", List.of("F-1"), "kind", "INSTALMENTS", "instalments", 13))))
        .containsExactly("instalments: must be 1 to 12, but was 13");
    assertThat(errors(call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", List.of("F-1", "F-2"), "kind", "DEFERRAL", "instalments", 2))))
        .containsExactlyInAnyOrder("invoiceNumbers: a DEFERRAL is for one invoice, but 2 were given",
            "deferTo: is required", "instalments: is for INSTALMENTS only: a DEFERRAL moves one invoice to deferTo");
    assertThat(errors(call(HttpMethod.POST, "/api/payment-plans", "{}"))).containsExactlyInAnyOrder(
        "customerNumber: is required", "invoiceNumbers: is required: one invoice or more", "kind: is required");

    List<String> many = IntStream.rangeClosed(1, 101).mapToObj(i -> "F-" + i).toList();
    assertThat(errors(call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", many, "kind", "INSTALMENTS", "instalments", 3))))
        .containsExactly("invoiceNumbers: has 101 invoices; a plan covers at most 100");

    ResponseEntity<String> malformed = call(HttpMethod.POST, "/api/payment-plans", "{\"kind\": \"INSTALMENTS\",");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(malformed)).singleElement().asString().startsWith("body: malformed JSON");
    assertThat(errors(call(HttpMethod.POST, "/api/payment-plans", "[\"F-1\"]")))
        .containsExactly("body: must be a JSON object");
    verify(plans, never()).request(any());
  }

  @Test
  void thePlansOwnReasonsComeBackAsAProblem() throws Exception {
    when(plans.request(any())).thenThrow(new InvalidRequestException(List.of(
        new Violation("invoiceNumbers[0]", "no invoice F-404 of customer C-1"),
        new Violation("invoiceNumbers[1]", "F-2 is PAID: nothing to pay in parts"))));
    ResponseEntity<String> refused = call(HttpMethod.POST, "/api/payment-plans", Map.of("customerNumber", "C-1",
        "invoiceNumbers", List.of("F-404", "F-2"), "kind", "INSTALMENTS", "instalments", 3));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(errors(refused)).containsExactly("invoiceNumbers[0]: no invoice F-404 of customer C-1",
        "invoiceNumbers[1]: F-2 is PAID: nothing to pay in parts");
  }

  @Test
  void planAndCustomerNumbersAreCheckedAtTheDoor() throws Exception {
    for (String number : List.of("PP-0", "PP-", "pp-5", "PP-5x", "42", "PP-99999999999999999999", "F-2026-0001")) {
      ResponseEntity<String> missing = call(HttpMethod.GET, "/api/payment-plans/" + number, null);
      assertThat(missing.getStatusCode().value()).as(number).isEqualTo(404);
      assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
    verify(plans, never()).find(anyLong());
    when(plans.find(6)).thenReturn(Optional.empty());
    assertThat(call(HttpMethod.GET, "/api/payment-plans/PP-6", null).getStatusCode().value()).isEqualTo(404);

    ResponseEntity<String> badCustomer = call(HttpMethod.GET, "/api/payment-plans?customerNumber=C;x", null);
    assertThat(badCustomer.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(badCustomer)).singleElement().asString().startsWith("customerNumber: 'C;x' is not a valid");
    assertThat(errors(call(HttpMethod.GET, "/api/payment-plans", null)))
        .containsExactly("customerNumber: is required");
    assertThat(call(HttpMethod.GET, "/api/payment-plans?customerNumber=C-no-such-customer", null)
        .getStatusCode().value()).isEqualTo(404);
    verify(plans, never()).ofCustomer(any());
  }

  @Test
  void theApiDescriptionSaysWhoMayAndWhatTheBodyIs() throws Exception {
    JsonNode api = json(call(HttpMethod.GET, "/v3/api-docs", null));
    assertThat(api.at("/paths/~1api~1payment-plans/post/x-fordra-groups")).extracting(JsonNode::asText)
        .containsExactly("case-handlers", "finance", "camunda-admin");
    assertThat(api.at("/paths/~1api~1payment-plans~1{planNumber}/get/x-fordra-groups")).extracting(JsonNode::asText)
        .containsExactly("case-handlers", "finance", "process-owners", "camunda-admin", "auditors");
    assertThat(api.at("/paths/~1api~1payment-plans/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/PaymentPlanRequest");
    assertThat(api.at("/components/schemas/PaymentPlanRequest/properties").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("customerNumber", "invoiceNumbers", "kind", "instalments", "firstDueDate",
            "deferTo", "note");
    assertThat(api.at("/paths/~1api~1payment-plans/post/responses/400/content").has("application/problem+json"))
        .isTrue();
  }

  private PaymentPlanView running(Invoice invoice) {
    return new PaymentPlanView(41, "PP-41", invoice.customerNumber(), PlanKind.INSTALMENTS, PlanStatus.RUNNING, "SEK",
        List.of(invoice.invoiceNumber()), new BigDecimal("9000.00"), new BigDecimal("170.00"),
        new BigDecimal("9170.00"), new BigDecimal("0.00"), 3, LocalDate.of(2026, 4, 1), null, "Lost her job in March",
        true, PlanRequest.RequestedBy.CASE_HANDLER, "payment-plan-policy", "within policy",
        Instant.parse("2026-03-10T08:00:00Z"), List.of(
            new PaymentPlanView.InstalmentView(1, LocalDate.of(2026, 4, 1), new BigDecimal("3056.66"), "9000000011",
                new BigDecimal("0.00"), "OPEN"),
            new PaymentPlanView.InstalmentView(2, LocalDate.of(2026, 5, 1), new BigDecimal("3056.66"), "9000000029",
                new BigDecimal("0.00"), "OPEN"),
            new PaymentPlanView.InstalmentView(3, LocalDate.of(2026, 6, 1), new BigDecimal("3056.68"), "9000000037",
                new BigDecimal("0.00"), "OPEN")));
  }

  private static PaymentPlanView deferral(PlanRequest request) {
    return new PaymentPlanView(5, "PP-5", request.customerNumber(), PlanKind.DEFERRAL, PlanStatus.REQUESTED, "SEK",
        request.invoiceNumbers(), new BigDecimal("1250.00"), new BigDecimal("0.00"), new BigDecimal("1250.00"),
        new BigDecimal("0.00"), null, null, request.deferTo(), request.note(), true, request.requestedBy(), null, null,
        Instant.parse("2026-03-10T08:00:00Z"), List.of());
  }

  private String user(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return id;
  }

  private RestClient as(String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
  }
}
