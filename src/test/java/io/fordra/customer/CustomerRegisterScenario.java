package io.fordra.customer;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.patch;
import static io.fordra.ApiAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The customer register over /api/customers (issue 15, item 7): list and search, change (PUT, PATCH) with every change
 * recorded, deactivation and reactivation, numbers never reused, the roles and every bad input. Run on H2
 * (CustomerApiTest) and on PostgreSQL (PostgresCustomerApiTest).
 */
abstract class CustomerRegisterScenario extends ProcessTestSupport {

  private static final String PASSWORD = "Customer-Password-1";
  private static final String WHOLE = ": a PUT replaces the whole customer (PATCH changes only the fields given)";

  @Autowired IdentityService identity;

  private final List<String> users = new ArrayList<>();
  private RestClient admin;

  @BeforeEach
  void client() {
    admin = api();
  }

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
  }

  @Test
  void aPutReplacesTheWholeCustomer_andTheEventSaysWhoWhenAndEachFieldFromTo() throws Exception {
    String number = "CU-" + unique();
    assertThat(send(admin, HttpMethod.POST, "/api/customers", business(number, "Kund AB", "info@kund.example"))
        .getStatusCode().value()).isEqualTo(201);
    RestClient finance = as("finance");

    at(LocalDate.of(2026, 3, 3), LocalTime.of(10, 15));
    Map<String, Object> whole = business(null, "Kund Norr AB", "info@kund.example");
    whole.put("preferredChannel", "PRINT");
    whole.put("reminderFeeAgreed", true);
    ResponseEntity<String> replaced = send(finance, HttpMethod.PUT, "/api/customers/" + number, whole);
    assertThat(replaced.getStatusCode().value()).isEqualTo(200);
    JsonNode customer = json(replaced);
    assertThat(customer.get("customerNumber").asText()).isEqualTo(number);
    assertThat(customer.get("name").asText()).isEqualTo("Kund Norr AB");
    assertThat(customer.get("preferredChannel").asText()).isEqualTo("PRINT");
    assertThat(customer.get("active").asBoolean()).isTrue();
    assertThat(customer.get("createdAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
    assertThat(json(get(admin, "/api/customers/" + number))).isEqualTo(customer);

    JsonNode events = json(get(admin, "/api/customers/" + number + "/events"));
    assertThat(events).hasSize(1);
    JsonNode event = events.get(0);
    assertThat(event.get("type").asText()).isEqualTo("CHANGED");
    assertThat(event.get("by").asText()).isEqualTo(users.get(0));
    assertThat(event.get("at").asText()).isEqualTo("2026-03-03T09:15:00Z");
    assertThat(changes(event)).containsExactly("name: Kund AB -> Kund Norr AB", "reminderFeeAgreed: false -> true",
        "preferredChannel: EMAIL -> PRINT");
  }

  @Test
  void aPutMissingARequiredFieldIs400SayingAPutReplacesTheWholeCustomer_andChangesNothing() throws Exception {
    String number = "CM-" + unique();
    send(admin, HttpMethod.POST, "/api/customers", business(number, "Kund AB", "info@kund.example"));
    JsonNode before = json(get(admin, "/api/customers/" + number));

    ResponseEntity<String> refused = send(admin, HttpMethod.PUT, "/api/customers/" + number,
        Map.of("customerNumber", number, "email", "ny@kund.example"));
    assertProblem(refused, 400);
    assertThat(errors(refused)).containsExactly("name: is required" + WHOLE, "type: is required" + WHOLE,
        "country: is required" + WHOLE);

    Map<String, Object> other = business(number + "-X", "Kund AB", "info@kund.example");
    assertThat(errors(send(admin, HttpMethod.PUT, "/api/customers/" + number, other))).containsExactly(
        "customerNumber: '" + number + "-X' is not the customer in the path ('" + number + "'); leave it out or give "
            + "the same number (a customer number cannot change)");

    assertThat(json(get(admin, "/api/customers/" + number))).isEqualTo(before);
    assertThat(json(get(admin, "/api/customers/" + number + "/events"))).isEmpty();
    assertProblem(send(admin, HttpMethod.PUT, "/api/customers/NONE-" + number, business(null, "X AB", "x@x.example")),
        404);
  }

  @Test
  void aPatchChangesOnlyTheFieldsGiven_nullClearsAnOptionalOne_andEveryBadInputIs400() throws Exception {
    String number = "CP-" + unique();
    Map<String, Object> body = business(number, "Kund AB", "info@kund.example");
    body.put("invoiceEmail", "faktura@kund.example");
    send(admin, HttpMethod.POST, "/api/customers", body);

    JsonNode patched = json(patch(admin, "/api/customers/" + number,
        "{\"invoiceEmail\": null, \"address\": {\"postalCode\": \"222 33\", \"city\": \"Lund\"}}"));
    assertThat(patched.get("invoiceEmail").isNull()).isTrue();
    assertThat(patched.get("email").asText()).isEqualTo("info@kund.example");
    assertThat(patched.get("address").toString())
        .isEqualTo("{\"street\":\"Storgatan 1\",\"postalCode\":\"222 33\",\"city\":\"Lund\",\"country\":\"SE\"}");
    assertThat(patched.get("name").asText()).isEqualTo("Kund AB");
    assertThat(changes(json(get(admin, "/api/customers/" + number + "/events")).get(0))).containsExactly(
        "invoiceEmail: faktura@kund.example -> null", "address.postalCode: 111 22 -> 222 33",
        "address.city: Stockholm -> Lund");

    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"preferredChannel\": \"FAX\"}"))).containsExactly(
        "preferredChannel: 'FAX' is not one of [EMAIL, PRINT, EINVOICE, DIRECT_DEBIT, DIGITAL_MAILBOX, EFAKTURA]");
    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"email\": \"no-at-sign\"}"))).containsExactly(
        "email: is not an e-mail address");
    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"name\": \"\", \"organisationNumber\": \"1\"}")))
        .containsExactly("name: is required", "organisationNumber: is not a valid SE organisation number");
    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"active\": false}"))).singleElement().asString()
        .startsWith("active: is not a property of this resource");
    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"name\": 5}"))).containsExactly(
        "name: must be a JSON string (text in quotes), not a number (5)");
    assertThat(errors(patch(admin, "/api/customers/" + number, "{\"customerNumber\": \"OTHER\"}"))).containsExactly(
        "customerNumber: 'OTHER' is not the customer in the path ('" + number + "'); leave it out or give the same "
            + "number (a customer number cannot change)");
    ResponseEntity<String> malformed = patch(admin, "/api/customers/" + number, "{\"name\": ");
    assertProblem(malformed, 400);
    assertThat(errors(malformed)).singleElement().asString().startsWith("body: malformed JSON");
    ResponseEntity<String> plain = admin.patch().uri("/api/customers/" + number)
        .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"X\"}").retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    assertProblem(plain, 415);
    assertProblem(patch(admin, "/api/customers/NONE-" + number, "{\"name\": \"X\"}"), 404);
    assertThat(json(get(admin, "/api/customers/" + number))).as("nothing of the refused patches stored")
        .isEqualTo(patched);
    assertThat(json(get(admin, "/api/customers/" + number + "/events"))).hasSize(1);
  }

  @Test
  void aBadNumberInThePathIs400BeforeAnythingIsLookedUp() throws Exception {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT)) {
      ResponseEntity<String> refused = send(admin, method, "/api/customers/C*1",
          method == HttpMethod.PUT ? business(null, "X", "x@x.example") : null);
      assertProblem(refused, 400);
      assertThat(errors(refused)).singleElement().asString().startsWith("customerNumber: 'C*1' is not a valid number");
    }
    assertProblem(patch(admin, "/api/customers/C*1", "{}"), 400);
    assertProblem(send(admin, HttpMethod.POST, "/api/customers/C*1/deactivation", null), 400);
    assertProblem(get(admin, "/api/customers/C*1/events"), 400);
  }

  @Test
  void concurrentPatchesOfOneCustomerAllApply_oneAfterTheOther_neverA500() throws Exception {
    String number = "CC-" + unique();
    send(admin, HttpMethod.POST, "/api/customers", business(number, "Kund AB", "info@kund.example"));
    List<String> patches = List.of("{\"name\": \"Kund Ett AB\"}", "{\"invoiceEmail\": \"f@kund.example\"}",
        "{\"priority\": true}", "{\"reminderFeeAgreed\": true}", "{\"language\": \"en\"}",
        "{\"address\": {\"city\": \"Lund\", \"postalCode\": \"222 33\"}}");
    ExecutorService pool = Executors.newFixedThreadPool(patches.size());
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (String body : patches) {
        calls.add(() -> patch(admin, "/api/customers/" + number, body).getStatusCode().value());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
    JsonNode customer = json(get(admin, "/api/customers/" + number));
    assertThat(customer.get("name").asText()).isEqualTo("Kund Ett AB");
    assertThat(customer.get("invoiceEmail").asText()).isEqualTo("f@kund.example");
    assertThat(customer.get("priority").asBoolean()).isTrue();
    assertThat(customer.get("reminderFeeAgreed").asBoolean()).isTrue();
    assertThat(customer.get("language").asText()).isEqualTo("en");
    assertThat(customer.get("address").get("city").asText()).isEqualTo("Lund");
    assertThat(json(get(admin, "/api/customers/" + number + "/events"))).hasSize(patches.size());
  }

  @Test
  void theListSearchesByNumberNameOrganisationNumberAndEmail_pagedByNumber() throws Exception {
    String prefix = "L" + unique() + "-";
    send(admin, HttpMethod.POST, "/api/customers", business(prefix + "3", "Gamma Bygg AB", "gamma@bygg.example"));
    send(admin, HttpMethod.POST, "/api/customers", business(prefix + "1", "Alfa Bygg AB", "alfa@" + prefix
        + "example.se"));
    Map<String, Object> norwegian = business(prefix + "2", "Beta Bygg AS", "beta@bygg.example");
    norwegian.put("country", "NO");
    norwegian.put("organisationNumber", "923609016");
    norwegian.put("address", Map.of("street", "Storgata 1", "postalCode", "0150", "city", "Oslo"));
    assertThat(send(admin, HttpMethod.POST, "/api/customers", norwegian).getStatusCode().value()).isEqualTo(201);

    assertThat(numbers("/api/customers?customerNumber=" + prefix)).containsExactly(prefix + "1", prefix + "2",
        prefix + "3");
    JsonNode page = json(get(admin, "/api/customers?customerNumber=" + prefix + "&limit=2"));
    assertThat(page.findValuesAsText("customerNumber")).containsExactly(prefix + "1", prefix + "2");
    assertThat(page.get(0).get("name").asText()).isEqualTo("Alfa Bygg AB");
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&limit=2&after=" + prefix + "2"))
        .containsExactly(prefix + "3");
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&name=BYGG AS")).as("contains, any case")
        .containsExactly(prefix + "2");
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&organisationNumber=923 609 016"))
        .containsExactly(prefix + "2");
    assertThat(numbers("/api/customers?email=ALFA@" + prefix.toUpperCase() + "example.se"))
        .containsExactly(prefix + "1");
    assertThat(numbers("/api/customers?q=" + prefix.toLowerCase() + "example")).containsExactly(prefix + "1");
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&name=100%25")).isEmpty();

    send(admin, HttpMethod.POST, "/api/customers/" + prefix + "3/deactivation", null);
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&active=false")).containsExactly(prefix + "3");
    assertThat(numbers("/api/customers?customerNumber=" + prefix + "&active=true")).containsExactly(prefix + "1",
        prefix + "2");

    for (String bad : List.of("limit=0", "limit=1001", "after=C*1", "active=maybe", "limit=x")) {
      ResponseEntity<String> refused = get(admin, "/api/customers?" + bad);
      assertProblem(refused, 400);
      assertThat(errors(refused)).singleElement().asString().startsWith(bad.substring(0, bad.indexOf('=')) + ": ");
    }
  }

  @Test
  void aDeactivatedCustomerGetsNoNewInvoices_itsOpenOnesGoOn_itsNumberIsNeverReused_andItCanBeReactivated()
      throws Exception {
    CustomerRequest request = customer(CustomerType.PRIVATE, Country.SE, false, false);
    Invoice open = createInvoice(request, Currency.SEK);
    String number = request.customerNumber();
    executeDueJobs();
    RestClient finance = as("finance");

    ResponseEntity<String> deactivated = send(finance, HttpMethod.POST, "/api/customers/" + number + "/deactivation",
        Map.of("reason", "Moved abroad"));
    assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
    assertThat(json(deactivated).get("active").asBoolean()).isFalse();
    assertThat(send(finance, HttpMethod.POST, "/api/customers/" + number + "/deactivation", null)
        .getStatusCode().value()).as("again: idempotent").isEqualTo(200);
    JsonNode events = json(get(admin, "/api/customers/" + number + "/events"));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("type").asText()).isEqualTo("DEACTIVATED");
    assertThat(events.get(0).get("reason").asText()).isEqualTo("Moved abroad");
    assertThat(events.get(0).get("by").asText()).isEqualTo(users.get(0));

    String reason = "customerNumber: customer " + number + " is inactive and gets no new invoices; reactivate it "
        + "first (POST /api/customers/" + number + "/reactivation)";
    ResponseEntity<String> refused = send(admin, HttpMethod.POST, "/api/invoices", invoice("NI-" + unique(), number));
    assertProblem(refused, 400);
    assertThat(errors(refused)).containsExactly(reason);

    String csvNumber = "NF-" + unique();
    String csv = "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;unitPrice;vatRate\n"
        + csvNumber + ";" + number + ";2026-03-02;2026-04-01;SEK;Service;1;100.00;25\n";
    ResponseEntity<String> file = upload("/api/invoice-files", "inactive.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(file.getStatusCode().value()).isEqualTo(202);
    executeDueJobs();
    JsonNode rejected = json(get(admin, "/api/invoice-files/" + json(file).get("id").asLong() + "/invoices"));
    assertThat(rejected.get(0).get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get(0).get("messages").get(0).asText()).isEqualTo("line 2, " + reason);
    assertThat(invoices.find(csvNumber)).isEmpty();

    pay(open, "1250.00");
    executeDueJobs();
    assertThat(reload(open).status()).as("the open invoice goes on").isEqualTo(InvoiceStatus.PAID);

    ResponseEntity<String> again = send(admin, HttpMethod.POST, "/api/customers",
        business(number, "Someone Else AB", "else@example.se"));
    assertProblem(again, 409);
    assertThat(json(again).get("detail").asText()).isEqualTo("Customer " + number + " already exists (inactive; a "
        + "customer number is never reused: reactivate it with POST /api/customers/" + number + "/reactivation)");

    ResponseEntity<String> reactivated = send(finance, HttpMethod.POST, "/api/customers/" + number + "/reactivation",
        null);
    assertThat(json(reactivated).get("active").asBoolean()).isTrue();
    assertThat(send(admin, HttpMethod.POST, "/api/invoices", invoice("NI-" + unique(), number))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(json(get(admin, "/api/customers/" + number + "/events")).findValuesAsText("type"))
        .containsExactly("DEACTIVATED", "REACTIVATED");
  }

  @Test
  void aCustomerIsNeverDeleted_deleteIs405AsProblemJson() throws Exception {
    String number = "CD-" + unique();
    send(admin, HttpMethod.POST, "/api/customers", business(number, "Kund AB", "info@kund.example"));
    ResponseEntity<String> delete = send(admin, HttpMethod.DELETE, "/api/customers/" + number, null);
    assertProblem(delete, 405);
    assertThat(get(admin, "/api/customers/" + number).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void financeKeepsTheRegister_caseHandlersProcessOwnersAndAuditorsOnlyReadIt_strangersAre401() throws Exception {
    String number = "CR-" + unique();
    send(admin, HttpMethod.POST, "/api/customers", business(number, "Kund AB", "info@kund.example"));
    String one = "/api/customers/" + number;
    Map<String, Object> whole = business(null, "Kund AB", "ny@kund.example");
    for (String group : List.of("case-handlers", "process-owners", "auditors")) {
      RestClient reader = as(group);
      assertThat(get(reader, "/api/customers?customerNumber=" + number).getStatusCode().value()).isEqualTo(200);
      assertThat(get(reader, one + "/events").getStatusCode().value()).isEqualTo(200);
      assertProblem(send(reader, HttpMethod.PUT, one, whole), 403);
      assertProblem(patch(reader, one, "{\"name\": \"X AB\"}"), 403);
      assertProblem(send(reader, HttpMethod.POST, one + "/deactivation", null), 403);
      assertProblem(send(reader, HttpMethod.POST, one + "/reactivation", null), 403);
    }
    RestClient finance = as("finance");
    assertThat(send(finance, HttpMethod.PUT, one, whole).getStatusCode().value()).isEqualTo(200);
    assertThat(patch(finance, one, "{\"name\": \"Kund Två AB\"}").getStatusCode().value()).isEqualTo(200);
    assertThat(send(finance, HttpMethod.POST, one + "/deactivation", null).getStatusCode().value()).isEqualTo(200);
    assertThat(send(finance, HttpMethod.POST, one + "/reactivation", null).getStatusCode().value()).isEqualTo(200);
    assertThat(get(finance, "/api/customers?limit=1").getStatusCode().value()).isEqualTo(200);

    RestClient stranger = RestClient.builder().baseUrl("http://localhost:" + port).build();
    assertThat(get(stranger, "/api/customers").getStatusCode().value()).isEqualTo(401);
    assertThat(get(stranger, one + "/events").getStatusCode().value()).isEqualTo(401);
    assertThat(send(stranger, HttpMethod.PUT, one, whole).getStatusCode().value()).isEqualTo(401);
    assertThat(patch(stranger, one, "{\"name\": \"X AB\"}").getStatusCode().value()).isEqualTo(401);
    assertThat(send(stranger, HttpMethod.POST, one + "/deactivation", null).getStatusCode().value()).isEqualTo(401);
    assertThat(json(get(admin, one)).get("name").asText()).isEqualTo("Kund Två AB");
  }

  private List<String> numbers(String uri) throws Exception {
    ResponseEntity<String> answer = get(admin, uri);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json(answer).findValuesAsText("customerNumber");
  }

  private static Map<String, Object> business(String number, String name, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (number != null) {
      body.put("customerNumber", number);
    }
    body.put("name", name);
    body.put("type", "BUSINESS");
    body.put("country", "SE");
    body.put("organisationNumber", "556036-0793");
    body.put("email", email);
    body.put("address", Map.of("street", "Storgatan 1", "postalCode", "111 22", "city", "Stockholm"));
    return body;
  }

  private static Map<String, Object> invoice(String invoiceNumber, String customerNumber) {
    return Map.of("invoiceNumber", invoiceNumber, "customerNumber", customerNumber, "issueDate", "2026-03-02",
        "dueDate", "2026-04-01", "currency", "SEK", "lines", List.of(Map.of("description", "Service",
            "quantity", 1, "unitPrice", "100.00", "vatRate", 25)));
  }

  private static List<String> changes(JsonNode event) {
    List<String> changes = new ArrayList<>();
    event.get("changes").forEach(c -> changes.add(c.get("field").asText() + ": " + c.get("from").asText() + " -> "
        + c.get("to").asText()));
    return changes;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void assertProblem(ResponseEntity<String> answer, int status) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(json(answer).get("status").asInt()).isEqualTo(status);
  }

  /** A REST client as a new user of this group. */
  private RestClient as(String group) {
    String id = group + "-" + unique();
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(id, PASSWORD)).build();
  }
}
