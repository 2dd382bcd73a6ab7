package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.reference.PaymentReferences;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The REST contract of DESIGN.md (section REST) over real HTTP: status codes, problem+json with every broken rule
 * listed under "errors", and that a rejected request stores nothing.
 */
@FordraTestContext
class ApiValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  private RestClient http;
  /** Invoices this test created: their processes are removed afterwards so that other tests' job runs skip them. */
  private final List<String> createdInvoices = new ArrayList<>();

  @BeforeEach
  void client() {
    http = RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  @AfterEach
  void removeProcessesOfCreatedInvoices() {
    for (String number : createdInvoices) {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery()
          .processDefinitionKey(InvoiceToCash.KEY).processInstanceBusinessKey(number).list()) {
        runtime.deleteProcessInstance(instance.getId(), "ApiValidationTest cleanup", true, true);
      }
    }
    createdInvoices.clear();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Customers
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void validPrivateCustomerIsCreatedAndCanBeReadBack() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    String number = (String) customer.get("customerNumber");

    Reply created = post("/api/customers", customer);

    assertThat(created.status()).isEqualTo(201);
    assertThat(URI.create(created.headers().getFirst(HttpHeaders.LOCATION)).getPath())
        .isEqualTo("/api/customers/" + number);
    assertThat(created.json().path("customerNumber").asText()).isEqualTo(number);

    Reply read = get("/api/customers/" + number);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("customerNumber").asText()).isEqualTo(number);
    assertThat(read.json().path("name").asText()).isEqualTo("Anna Andersson");
    assertThat(read.json().path("type").asText()).isEqualTo("PRIVATE");
    assertThat(read.json().path("country").asText()).isEqualTo("SE");
    assertThat(read.json().path("email").asText()).isEqualTo("anna@example.se");
    assertThat(read.json().path("address").path("city").asText()).isEqualTo("Stockholm");
    assertThat(read.json().path("language").asText()).isEqualTo("sv");
  }

  @Test
  void sameCustomerNumberAgainIsAConflict() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    assertThat(post("/api/customers", customer).status()).isEqualTo(201);

    Map<String, Object> again = privateCustomer((String) customer.get("customerNumber"));
    again.put("name", "Someone Else");
    Reply conflict = post("/api/customers", again);

    assertProblem(conflict, 409);
    assertThat(get("/api/customers/" + customer.get("customerNumber")).json().path("name").asText())
        .isEqualTo("Anna Andersson");
  }

  @Test
  void businessCustomerNeedsAnOrganisationNumber() {
    Map<String, Object> customer = businessCustomer(newCustomerNumber());
    customer.remove("organisationNumber");

    assertRejectedCustomer(customer, "organisationNumber");
  }

  @Test
  void businessCustomerWithValidOrganisationNumberIsCreated() {
    Map<String, Object> customer = businessCustomer(newCustomerNumber());
    assertThat(post("/api/customers", customer).status()).isEqualTo(201);
  }

  @Test
  void swedishOrganisationNumberWithBadCheckDigitIsRejected() {
    Map<String, Object> customer = businessCustomer(newCustomerNumber());
    customer.put("organisationNumber", "556036-0794");

    assertRejectedCustomer(customer, "organisationNumber");
  }

  @Test
  void unknownCustomerTypeIsRejectedListingTheAllowedValues() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    customer.put("type", "COMPANY");

    Reply reply = assertRejectedCustomer(customer, "type");
    assertThat(messageOf(reply, "type")).contains("COMPANY").contains("PRIVATE").contains("BUSINESS");
  }

  @Test
  void unknownCountryIsRejectedSayingWhatACountryIs() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    customer.put("country", "XX");

    Reply reply = assertRejectedCustomer(customer, "country");
    assertThat(messageOf(reply, "country")).contains("XX").contains("ISO 3166-1 alpha-2").contains("SE");
  }

  @Test
  void badEmailIsRejected() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    customer.put("email", "anna.example.se");

    assertRejectedCustomer(customer, "email");
  }

  @Test
  void nameOfMoreThan200CharactersIsRejected() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    customer.put("name", "N".repeat(201));

    assertRejectedCustomer(customer, "name");
  }

  @Test
  void nameOf200CharactersIsAccepted() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    customer.put("name", "N".repeat(200));

    assertThat(post("/api/customers", customer).status()).isEqualTo(201);
  }

  @Test
  void everyFaultOfACustomerIsListed() {
    Map<String, Object> customer = businessCustomer(newCustomerNumber());
    customer.put("organisationNumber", "556036-0794");
    customer.put("email", "not-an-address");
    customer.put("name", " ");

    Reply reply = assertRejectedCustomer(customer, "organisationNumber", "email", "name");
    assertThat(fields(reply)).hasSize(3);
  }

  @Test
  void unknownCustomerIs404() {
    assertProblem(get("/api/customers/" + newCustomerNumber()), 404);
  }

  private Reply assertRejectedCustomer(Map<String, Object> customer, String... fields) {
    Reply reply = post("/api/customers", customer);
    assertProblem(reply, 400, fields);
    assertProblem(get("/api/customers/" + customer.get("customerNumber")), 404);
    return reply;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Invoices
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void validInvoiceIsCreatedWithTotalsReferenceAndHistory() {
    String customer = existingCustomer();
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customer);
    String number = (String) invoice.get("invoiceNumber");

    Reply created = post("/api/invoices", invoice);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    createdInvoices.add(number);
    assertThat(URI.create(created.headers().getFirst(HttpHeaders.LOCATION)).getPath())
        .isEqualTo("/api/invoices/" + number);
    JsonNode body = created.json();
    assertThat(body.path("invoiceNumber").asText()).isEqualTo(number);
    assertThat(body.path("customerNumber").asText()).isEqualTo(customer);
    assertThat(body.path("status").asText()).isIn("CREATED", "WAITING_TO_BE_SENT", "SENT");
    assertThat(body.path("currency").asText()).isEqualTo("SEK");
    assertThat(amount(body, "totalAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(body, "vatAmount")).isEqualByComparingTo("50.00");
    assertThat(amount(body, "openAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(body, "paidAmount")).isEqualByComparingTo("0");
    String reference = body.path("paymentReference").asText();
    assertThat(PaymentReferences.isValidSwedishOcr(reference)).as("OCR " + reference).isTrue();

    Reply read = get("/api/invoices/" + number);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("invoiceNumber").asText()).isEqualTo(number);
    assertThat(read.json().path("issueDate").asText()).isEqualTo("2026-03-02");
    assertThat(read.json().path("dueDate").asText()).isEqualTo("2026-04-01");
    assertThat(amount(read.json(), "totalAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(read.json(), "vatAmount")).isEqualByComparingTo("50.00");
    assertThat(amount(read.json(), "openAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(read.json(), "feesAmount")).isEqualByComparingTo("0");
    assertThat(amount(read.json(), "disputedAmount")).isEqualByComparingTo("0");
    assertThat(read.json().path("paymentReference").asText()).isEqualTo(reference);
    assertThat(read.json().path("dunningLevel").asInt(-1)).isZero();
    assertThat(read.json().path("remindersSent").asInt(-1)).isZero();
    assertThat(read.json().path("events").isArray()).isTrue();
    assertThat(StreamSupport.stream(read.json().path("events").spliterator(), false)
        .map(e -> e.path("type").asText())).contains("CREATED");
  }

  @Test
  void invoiceWithoutNumberGetsOne() {
    Map<String, Object> invoice = invoice(null, existingCustomer());
    invoice.remove("invoiceNumber");

    Reply created = post("/api/invoices", invoice);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().path("invoiceNumber").asText();
    createdInvoices.add(number);
    assertThat(number).isNotBlank();
    assertThat(get("/api/invoices/" + number).status()).isEqualTo(200);
  }

  @Test
  void invoiceWithInlineNewCustomerCreatesTheCustomer() {
    String customerNumber = newCustomerNumber();
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customerNumber);
    invoice.put("customer", businessCustomer(customerNumber));
    assertProblem(get("/api/customers/" + customerNumber), 404);

    Reply created = post("/api/invoices", invoice);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    createdInvoices.add((String) invoice.get("invoiceNumber"));
    assertThat(created.json().path("customerNumber").asText()).isEqualTo(customerNumber);
    Reply customer = get("/api/customers/" + customerNumber);
    assertThat(customer.status()).isEqualTo(200);
    assertThat(customer.json().path("type").asText()).isEqualTo("BUSINESS");
    assertThat(customer.json().path("organisationNumber").asText()).isEqualTo("556036-0793");
  }

  @Test
  void vatRateThatSwedenDoesNotHaveIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("vatRate", 13);

    Reply reply = assertRejectedInvoice(invoice, "lines[0].vatRate");
    assertThat(messageOf(reply, "lines[0].vatRate")).contains("13");
  }

  @Test
  void everySwedishVatRateIsAccepted() {
    String customer = existingCustomer();
    for (String rate : List.of("25", "12", "6", "0")) {
      Map<String, Object> invoice = invoice(newInvoiceNumber(), customer);
      line(invoice, 0).put("vatRate", new BigDecimal(rate));
      Reply reply = post("/api/invoices", invoice);
      assertThat(reply.status()).as(rate + " %: " + reply.body()).isEqualTo(201);
      createdInvoices.add((String) invoice.get("invoiceNumber"));
    }
  }

  @Test
  void dueDateBeforeIssueDateIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-03-01");

    assertRejectedInvoice(invoice, "dueDate");
  }

  @Test
  void zeroTotalIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("unitPrice", new BigDecimal("0.00"));

    assertRejectedInvoice(invoice, "lines");
  }

  @Test
  void negativeTotalIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("unitPrice", new BigDecimal("-100.00"));

    assertRejectedInvoice(invoice, "lines");
  }

  @Test
  void unitPriceOfTenToTheTwelfthIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("unitPrice", new BigDecimal("1000000000000"));
    line(invoice, 0).put("quantity", 1);

    assertRejectedInvoice(invoice, "lines[0].unitPrice");
  }

  @Test
  void unitPriceWithThreeDecimalsIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("unitPrice", new BigDecimal("100.005"));

    assertRejectedInvoice(invoice, "lines[0].unitPrice");
  }

  @Test
  void unitPriceAsDecimalStringIsAccepted() {
    Map<String, Object> invoice = invoice(newInvoiceNumber(), existingCustomer());
    line(invoice, 0).put("unitPrice", "100.00");

    Reply reply = post("/api/invoices", invoice);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    createdInvoices.add((String) invoice.get("invoiceNumber"));
    assertThat(amount(reply.json(), "totalAmount")).isEqualByComparingTo("250.00");
  }

  @Test
  void invoiceWithoutLinesIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.remove("lines");
    assertRejectedInvoice(invoice, "lines");

    Map<String, Object> empty = invoiceWithInlineNewCustomer();
    empty.put("lines", List.of());
    assertRejectedInvoice(empty, "lines");
  }

  @Test
  void unknownCustomerWithoutInlineCustomerIsRejected() {
    Map<String, Object> invoice = invoice(newInvoiceNumber(), newCustomerNumber());

    assertRejectedInvoice(invoice, "customerNumber");
  }

  @Test
  void invalidInlineCustomerIsRejectedWithItsFields() {
    String customerNumber = newCustomerNumber();
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customerNumber);
    Map<String, Object> customer = businessCustomer(customerNumber);
    invoice.put("customer", customer);
    customer.put("email", "nobody");
    customer.put("organisationNumber", "556036-0794");

    assertRejectedInvoice(invoice, "customer.email", "customer.organisationNumber");
  }

  @Test
  void everyFaultOfAnInvoiceIsListed() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("issueDate", "2026-03-10");
    invoice.put("dueDate", "2026-03-01");
    invoice.remove("currency");
    Map<String, Object> line = line(invoice, 0);
    line.put("description", "");
    line.put("unitPrice", new BigDecimal("100.001"));
    line.put("vatRate", 13);

    Reply reply = assertRejectedInvoice(invoice,
        "dueDate", "currency", "lines[0].description", "lines[0].unitPrice", "lines[0].vatRate");
    assertThat(fields(reply)).hasSize(5);
    assertThat(reply.json().path("errors")).allSatisfy(error ->
        assertThat(error.path("message").asText()).isNotBlank());
  }

  @Test
  void faultsOfSeveralLinesAndOfTheInlineCustomerAreAllListed() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) invoice.get("customer");
    customer.put("email", "nobody");
    line(invoice, 0).put("vatRate", 13);
    Map<String, Object> second = newLine();
    second.put("quantity", 0);
    second.put("description", "D".repeat(501));
    lines(invoice).add(second);

    Reply reply = assertRejectedInvoice(invoice,
        "customer.email", "lines[0].vatRate", "lines[1].quantity", "lines[1].description");
    assertThat(fields(reply)).hasSize(4);
  }

  @Test
  void malformedJsonIs400Not500() {
    Reply reply = postRaw("/api/invoices", "{\"invoiceNumber\": ");

    assertProblem(reply, 400, "body");
  }

  @Test
  void unknownCurrencyIsRejectedListingTheAllowedOnes() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("currency", "USD");

    Reply reply = assertRejectedInvoice(invoice, "currency");
    assertThat(messageOf(reply, "currency")).contains("USD").contains("SEK").contains("NOK").contains("EUR");
  }

  @Test
  void impossibleIssueDateIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("issueDate", "2026-13-45");

    assertRejectedInvoice(invoice, "issueDate");
  }

  @Test
  void totalAmountThatIsNotTheSumOfTheLinesIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("totalAmount", new BigDecimal("200.00"));

    Reply reply = assertRejectedInvoice(invoice, "totalAmount");
    assertThat(messageOf(reply, "totalAmount")).contains("250.00");
  }

  @Test
  void totalAndVatAmountThatMatchTheLinesAreAccepted() {
    Map<String, Object> invoice = invoice(newInvoiceNumber(), existingCustomer());
    invoice.put("totalAmount", "250.00");
    invoice.put("vatAmount", 50);

    Reply reply = post("/api/invoices", invoice);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    createdInvoices.add((String) invoice.get("invoiceNumber"));
  }

  @Test
  void vatAmountThatIsNotTheSumOfTheLinesIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    invoice.put("vatAmount", new BigDecimal("40.00"));

    assertRejectedInvoice(invoice, "vatAmount");
  }

  @Test
  void descriptionOfMoreThan500CharactersIsRejected() {
    Map<String, Object> invoice = invoiceWithInlineNewCustomer();
    line(invoice, 0).put("description", "D".repeat(501));

    assertRejectedInvoice(invoice, "lines[0].description");
  }

  @Test
  void duplicateInvoiceNumberIsAConflictAndChangesNothing() {
    String customer = existingCustomer();
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customer);
    String number = (String) invoice.get("invoiceNumber");
    assertThat(post("/api/invoices", invoice).status()).isEqualTo(201);
    createdInvoices.add(number);

    String newCustomer = newCustomerNumber();
    Map<String, Object> again = invoice(number, newCustomer);
    again.put("customer", privateCustomer(newCustomer));
    line(again, 0).put("unitPrice", new BigDecimal("999.00"));
    Reply conflict = post("/api/invoices", again);

    assertProblem(conflict, 409);
    Reply stored = get("/api/invoices/" + number);
    assertThat(stored.json().path("customerNumber").asText()).isEqualTo(customer);
    assertThat(amount(stored.json(), "totalAmount")).isEqualByComparingTo("250.00");
    assertProblem(get("/api/customers/" + newCustomer), 404);
  }

  @Test
  void unknownInvoiceIs404() {
    assertProblem(get("/api/invoices/" + newInvoiceNumber()), 404);
  }

  private Reply assertRejectedInvoice(Map<String, Object> invoice, String... fields) {
    Reply reply = post("/api/invoices", invoice);
    assertProblem(reply, 400, fields);
    assertNothingStored(invoice);
    return reply;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Invoice search
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void byCustomerNumberReturnsOnlyThatCustomersInvoices() {
    String x = existingCustomer();
    String y = existingCustomer();
    List<String> ofX = List.of(createInvoice(x), createInvoice(x));
    String ofY = createInvoice(y);

    Reply reply = get("/api/invoices?customerNumber=" + x);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(reply.json()).allSatisfy(i -> assertThat(i.path("customerNumber").asText()).isEqualTo(x));
    assertThat(StreamSupport.stream(reply.json().spliterator(), false).map(i -> i.path("invoiceNumber").asText()))
        .containsExactlyInAnyOrderElementsOf(ofX)
        .doesNotContain(ofY);
  }

  @Test
  void unknownStatusIsRejectedAsProblem() {
    assertProblem(get("/api/invoices?status=FOO"), 400);
  }

  /** DESIGN.md: "Errors are RFC 7807 problem+json with every reason listed" - also for query parameters. */
  @Test
  void unknownStatusIsNamedInErrors() {
    assertProblem(get("/api/invoices?status=FOO"), 400, "status");
    assertThat(messageOf(get("/api/invoices?status=FOO"), "status")).contains("FOO").contains("PAID");
    assertProblem(get("/api/invoices?limit=abc"), 400, "limit");
    assertProblem(get("/api/invoices?from=2026-13-01"), 400, "from");
  }

  @Test
  void knownStatusIsAccepted() {
    assertThat(get("/api/invoices?status=PAID&limit=5").status()).isEqualTo(200);
  }

  @Test
  void limitBelowOneIsRejected() {
    assertProblem(get("/api/invoices?limit=0"), 400, "limit");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Payments
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void fullPaymentByReferenceIsMatchedAndPaysTheInvoice() {
    Reply invoice = get("/api/invoices/" + createInvoice(existingCustomer()));
    String number = invoice.json().path("invoiceNumber").asText();

    Reply paid = post("/api/payments", payment(invoice.json().path("paymentReference").asText(), null, "250.00"));

    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(paid.json().path("status").asText()).isEqualTo("MATCHED");
    assertThat(paid.json().path("invoiceNumber").asText()).isEqualTo(number);
    assertThat(paid.json().path("invoiceStatus").asText()).isEqualTo("PAID");
    assertThat(paid.json().path("duplicate").asBoolean(true)).isFalse();
    assertThat(amount(paid.json(), "openAmount")).isEqualByComparingTo("0");
    Reply after = get("/api/invoices/" + number);
    assertThat(after.json().path("status").asText()).isEqualTo("PAID");
    assertThat(amount(after.json(), "paidAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(after.json(), "openAmount")).isEqualByComparingTo("0");
  }

  @Test
  void fullPaymentByInvoiceNumberIsMatched() {
    String number = createInvoice(existingCustomer());

    Reply paid = post("/api/payments", payment(null, number, "250.00"));

    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(paid.json().path("status").asText()).isEqualTo("MATCHED");
    assertThat(paid.json().path("invoiceStatus").asText()).isEqualTo("PAID");
  }

  @Test
  void sameBankTransactionAgainReturnsTheFirstResultAndBooksNothing() {
    Reply invoice = get("/api/invoices/" + createInvoice(existingCustomer()));
    String number = invoice.json().path("invoiceNumber").asText();
    Map<String, Object> payment = payment(invoice.json().path("paymentReference").asText(), null, "250.00");
    Reply first = post("/api/payments", payment);
    assertThat(first.status()).isEqualTo(201);

    Reply again = post("/api/payments", payment);

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean(false)).isTrue();
    assertThat(again.json().path("paymentId").asLong()).isEqualTo(first.json().path("paymentId").asLong());
    assertThat(again.json().path("status").asText()).isEqualTo("MATCHED");
    assertThat(again.json().path("invoiceNumber").asText()).isEqualTo(number);
    assertThat(amount(get("/api/invoices/" + number).json(), "paidAmount")).isEqualByComparingTo("250.00");

    Map<String, Object> differentAmount = new LinkedHashMap<>(payment);
    differentAmount.put("amount", "100.00");
    Reply third = post("/api/payments", differentAmount);
    assertThat(third.status()).isEqualTo(200);
    assertThat(third.json().path("duplicate").asBoolean(false)).isTrue();
    Reply after = get("/api/invoices/" + number);
    assertThat(amount(after.json(), "paidAmount")).isEqualByComparingTo("250.00");
    assertThat(amount(after.json(), "creditBalance")).isEqualByComparingTo("0");
  }

  @Test
  void unknownReferenceIsKeptUnmatched() {
    Reply reply = post("/api/payments", payment(PaymentReferences.swedishOcr("99999999991"), null, "100.00"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.json().path("status").asText()).isEqualTo("UNMATCHED");
    assertThat(reply.json().path("invoiceNumber").isNull() || reply.json().path("invoiceNumber").isMissingNode())
        .isTrue();
  }

  @Test
  void zeroAmountIsRejected() {
    String number = createInvoice(existingCustomer());
    assertProblem(post("/api/payments", payment(null, number, "0")), 400, "amount");
    assertThat(amount(get("/api/invoices/" + number).json(), "paidAmount")).isEqualByComparingTo("0");
  }

  @Test
  void negativeAmountIsRejected() {
    String number = createInvoice(existingCustomer());
    assertProblem(post("/api/payments", payment(null, number, "-10.00")), 400, "amount");
    assertThat(amount(get("/api/invoices/" + number).json(), "paidAmount")).isEqualByComparingTo("0");
  }

  @Test
  void paymentWithoutReferenceOrInvoiceNumberIsRejected() {
    Map<String, Object> payment = payment(null, null, "100.00");
    Reply reply = post("/api/payments", payment);
    assertProblem(reply, 400, "paymentReference");

    // nothing was kept: the same bank transaction with an invoice number is a new payment, not a duplicate
    Map<String, Object> withInvoiceNumber = new LinkedHashMap<>(payment);
    withInvoiceNumber.put("invoiceNumber", createInvoice(existingCustomer()));
    Reply later = post("/api/payments", withInvoiceNumber);
    assertThat(later.status()).as(later.body()).isEqualTo(201);
    assertThat(later.json().path("duplicate").asBoolean(true)).isFalse();
  }

  @Test
  void paymentInAnotherCurrencyThanTheInvoiceIsKeptUnmatched() {
    Reply invoice = get("/api/invoices/" + createInvoice(existingCustomer()));
    String number = invoice.json().path("invoiceNumber").asText();
    Map<String, Object> payment = payment(invoice.json().path("paymentReference").asText(), null, "250.00");
    payment.put("currency", "EUR");

    Reply reply = post("/api/payments", payment);

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.json().path("status").asText()).isEqualTo("UNMATCHED");
    Reply after = get("/api/invoices/" + number);
    assertThat(amount(after.json(), "paidAmount")).isEqualByComparingTo("0");
    assertThat(after.json().path("status").asText()).isEqualTo(invoice.json().path("status").asText());
  }

  @Test
  void partialPaymentKeepsTheStatusAndLowersTheOpenAmount() {
    Reply invoice = get("/api/invoices/" + createInvoice(existingCustomer()));
    String number = invoice.json().path("invoiceNumber").asText();
    String statusBefore = invoice.json().path("status").asText();

    Reply reply = post("/api/payments", payment(invoice.json().path("paymentReference").asText(), null, "100.00"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("status").asText()).isEqualTo("MATCHED");
    assertThat(reply.json().path("invoiceStatus").asText()).isEqualTo(statusBefore);
    assertThat(amount(reply.json(), "openAmount")).isEqualByComparingTo("150.00");
    Reply after = get("/api/invoices/" + number);
    assertThat(after.json().path("status").asText()).isEqualTo(statusBefore);
    assertThat(amount(after.json(), "paidAmount")).isEqualByComparingTo("100.00");
    assertThat(amount(after.json(), "openAmount")).isEqualByComparingTo("150.00");
    assertThat(StreamSupport.stream(after.json().path("events").spliterator(), false)
        .map(e -> e.path("type").asText())).contains("PAYMENT_RECEIVED");

    Reply rest = post("/api/payments", payment(null, number, "150.00"));
    assertThat(rest.status()).isEqualTo(201);
    assertThat(rest.json().path("invoiceStatus").asText()).isEqualTo("PAID");
  }

  @Test
  void overpaymentBecomesACreditBalance() {
    Reply invoice = get("/api/invoices/" + createInvoice(existingCustomer()));
    String number = invoice.json().path("invoiceNumber").asText();

    Reply reply = post("/api/payments", payment(invoice.json().path("paymentReference").asText(), null, "300.00"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("invoiceStatus").asText()).isEqualTo("PAID");
    assertThat(amount(reply.json(), "overpaidAmount")).isEqualByComparingTo("50.00");
    Reply after = get("/api/invoices/" + number);
    assertThat(after.json().path("status").asText()).isEqualTo("PAID");
    assertThat(amount(after.json(), "paidAmount")).isEqualByComparingTo("300.00");
    assertThat(amount(after.json(), "openAmount")).isEqualByComparingTo("0");
    assertThat(amount(after.json(), "creditBalance")).isEqualByComparingTo("50.00");
    assertThat(StreamSupport.stream(after.json().path("events").spliterator(), false)
        .map(e -> e.path("type").asText())).contains("OVERPAYMENT");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Simulation and collection
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void simulationClockIs404WhenOff() {
    Reply reply = post("/api/simulation/clock", Map.of("advance", "P15D"));

    assertProblem(reply, 404);
  }

  @Test
  void closingACollectionCaseOfAnInvoiceNotWithTheAgencyIsAConflict() {
    String number = createInvoice(existingCustomer());

    Reply reply = post("/api/invoices/" + number + "/collection-case/closure", Map.of("outcome", "COLLECTED"));

    assertProblem(reply, 409);
    assertThat(get("/api/invoices/" + number).json().path("status").asText()).isNotIn("PAID", "CLOSED");
  }

  @Test
  void closingACollectionCaseOfAnUnknownInvoiceIs404() {
    assertProblem(post("/api/invoices/" + newInvoiceNumber() + "/collection-case/closure",
        Map.of("outcome", "COLLECTED")), 404);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------------------

  record Reply(int status, HttpHeaders headers, String body, JsonNode json) {}

  private Reply get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  private Reply post(String path, Object body) {
    try {
      return exchange(HttpMethod.POST, path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply postRaw(String path, String body) {
    return exchange(HttpMethod.POST, path, body);
  }

  private Reply exchange(HttpMethod method, String path, String body) {
    RestClient.RequestBodySpec request = http.method(method).uri(path)
        .headers(h -> h.setBasicAuth("admin", "admin"))
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, res) -> {
      String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json = text.isBlank() ? JSON.missingNode() : parse(text);
      return new Reply(res.getStatusCode().value(), res.getHeaders(), text, json);
    });
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  /** problem+json with this status; for 400 every named field is in "errors" (each with a message). */
  private static void assertProblem(Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.headers().getContentType()).as("content type of " + reply.body()).isNotNull();
    assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("problem+json, not " + reply.headers().getContentType()).isTrue();
    assertThat(reply.json().path("status").asInt()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("title").asText()).as(reply.body()).isNotBlank();
    if (fields.length > 0) {
      assertThat(reply.json().path("errors").isArray()).as("errors array in " + reply.body()).isTrue();
      assertThat(fields(reply)).as(reply.body()).contains(fields);
      assertThat(reply.json().path("errors")).allSatisfy(error -> {
        assertThat(error.path("field").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank();
      });
    }
  }

  private static List<String> fields(Reply reply) {
    return StreamSupport.stream(reply.json().path("errors").spliterator(), false)
        .map(e -> e.path("field").asText()).toList();
  }

  private static String messageOf(Reply reply, String field) {
    return StreamSupport.stream(reply.json().path("errors").spliterator(), false)
        .filter(e -> field.equals(e.path("field").asText()))
        .map(e -> e.path("message").asText())
        .findFirst().orElseThrow(() -> new AssertionError("no error for " + field + " in " + reply.body()));
  }

  private static BigDecimal amount(JsonNode node, String field) {
    JsonNode value = node.path(field);
    assertThat(value.isMissingNode() || value.isNull()).as(field + " in " + node).isFalse();
    return new BigDecimal(value.asText());
  }

  /** After a rejected invoice: neither the invoice nor its inline new customer exists. */
  private void assertNothingStored(Map<String, Object> invoice) {
    Object number = invoice.get("invoiceNumber");
    if (number != null) {
      assertProblem(get("/api/invoices/" + number), 404);
    }
    if (invoice.get("customer") instanceof Map<?, ?> customer && customer.get("customerNumber") != null) {
      assertProblem(get("/api/customers/" + customer.get("customerNumber")), 404);
    }
  }

  private static String newCustomerNumber() {
    return "AV-C-" + UUID.randomUUID().toString().substring(0, 13);
  }

  private static String newInvoiceNumber() {
    return "AV-" + UUID.randomUUID().toString().substring(0, 13);
  }

  private String existingCustomer() {
    Map<String, Object> customer = privateCustomer(newCustomerNumber());
    Reply reply = post("/api/customers", customer);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return (String) customer.get("customerNumber");
  }

  /** A valid invoice of 2 × 100.00 + 25 % VAT = 250.00 in SEK; returns its number. */
  private String createInvoice(String customerNumber) {
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customerNumber);
    Reply reply = post("/api/invoices", invoice);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    String number = (String) invoice.get("invoiceNumber");
    createdInvoices.add(number);
    return number;
  }

  static Map<String, Object> privateCustomer(String number) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("customerNumber", number);
    customer.put("name", "Anna Andersson");
    customer.put("type", "PRIVATE");
    customer.put("priority", false);
    customer.put("country", "SE");
    customer.put("email", "anna@example.se");
    customer.put("address", new LinkedHashMap<>(Map.of(
        "street", "Storgatan 1", "postalCode", "111 22", "city", "Stockholm", "country", "SE")));
    customer.put("reminderFeeAgreed", true);
    customer.put("preferredChannel", "EMAIL");
    return customer;
  }

  private static Map<String, Object> businessCustomer(String number) {
    Map<String, Object> customer = privateCustomer(number);
    customer.put("name", "Svensson & Co AB");
    customer.put("type", "BUSINESS");
    customer.put("organisationNumber", "556036-0793");
    customer.put("email", "ekonomi@svensson.example.se");
    return customer;
  }

  private static Map<String, Object> newLine() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("description", "Consulting");
    line.put("quantity", 2);
    line.put("unitPrice", new BigDecimal("100.00"));
    line.put("vatRate", 25);
    line.put("orderReference", "PO-1");
    return line;
  }

  private static Map<String, Object> invoice(String number, String customerNumber) {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("invoiceNumber", number);
    invoice.put("customerNumber", customerNumber);
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-04-01");
    invoice.put("currency", "SEK");
    List<Map<String, Object>> lines = new ArrayList<>();
    lines.add(newLine());
    invoice.put("lines", lines);
    return invoice;
  }

  /** A valid invoice for a customer that does not exist yet and comes inline. */
  private static Map<String, Object> invoiceWithInlineNewCustomer() {
    String customerNumber = newCustomerNumber();
    Map<String, Object> invoice = invoice(newInvoiceNumber(), customerNumber);
    invoice.put("customer", privateCustomer(customerNumber));
    return invoice;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(Map<String, Object> invoice) {
    return (List<Map<String, Object>>) invoice.get("lines");
  }

  private static Map<String, Object> line(Map<String, Object> invoice, int index) {
    return lines(invoice).get(index);
  }

  private static Map<String, Object> payment(String reference, String invoiceNumber, String amount) {
    Map<String, Object> payment = new LinkedHashMap<>();
    if (reference != null) {
      payment.put("paymentReference", reference);
    }
    if (invoiceNumber != null) {
      payment.put("invoiceNumber", invoiceNumber);
    }
    payment.put("amount", amount);
    payment.put("currency", "SEK");
    payment.put("paidAt", "2026-03-10");
    payment.put("bankTransactionId", "AV-BANK-" + UUID.randomUUID());
    return payment;
  }
}
