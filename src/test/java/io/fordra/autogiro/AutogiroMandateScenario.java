package io.fordra.autogiro;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.send;
import static io.fordra.autogiro.MandateAdviceFiles.advice;
import static io.fordra.autogiro.MandateAdviceFiles.tk73;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.CustomerEvent;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Autogiro mandates end to end (issue 19, section 1): a case handler registers the mandate (REQUESTED), the mandate
 * file goes to the outbox (TK04), Bankgirot's mandate advice comes back through the inbox (TK73), the mandate is
 * ACTIVE and only then the invoice goes by DIRECT_DEBIT; rejections, cancellations, the payer's internet-bank mandate,
 * unknown payers kept aside, the same file twice, roles and bad input. Run on H2 (AutogiroMandateTest) and PostgreSQL
 * (PostgresAutogiroMandateTest).
 */
abstract class AutogiroMandateScenario extends ProcessTestSupport {

  private static final String PASSWORD = "Mandate-Password-1";

  @Autowired MandateFileService mandateFiles;
  @Autowired MandateAdviceInbox adviceInbox;
  @Autowired MandateQuery query;
  @Autowired CustomerService customers;
  @Autowired AutogiroProperties properties;

  private final List<String> users = new ArrayList<>();

  @AfterEach
  void deleteUsers() {
    users.forEach(engine.getIdentityService()::deleteUser);
  }

  @Test
  void requested_mandateFile_approvalInTheInbox_active_andOnlyThenTheInvoiceGoesByDirectDebit() throws Exception {
    String payer = payerNumber();
    String customer = newCustomer(Map.of("preferredChannel", "DIRECT_DEBIT", "directDebitMandate", payer));
    // The payer number given with the customer (the existing API) is a REQUESTED mandate that cannot go yet.
    JsonNode given = mandate(customer);
    assertThat(given.get("status").asText()).isEqualTo("REQUESTED");
    assertThat(given.get("payerNumber").asText()).isEqualTo(payer);
    assertThat(given.get("pendingAction").isNull()).isTrue();
    assertThat(mandateFiles.run()).isEmpty();
    RestClient handler = as("case-handlers");
    ResponseEntity<String> created = send(handler, HttpMethod.POST, "/api/customers/" + customer + "/mandates",
        Map.of("scheme", "AUTOGIRO", "payerAccount", "5000 1234567", "payerId", "19700101-1233"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode mandate = json(created);
    assertThat(mandate.get("status").asText()).isEqualTo("REQUESTED");
    assertThat(mandate.get("pendingAction").asText()).isEqualTo("NEW");
    assertThat(mandate.get("payerAccount").asText()).isEqualTo("5000000001234567");
    assertThat(mandate.get("payerId").asText()).isEqualTo("197001011233");
    assertThat(mandate.get("id").asLong()).isEqualTo(given.get("id").asLong());
    assertThat(mandate.get("payerNumber").asText()).isEqualTo(payer);
    assertThat(created.getHeaders().getLocation().toString())
        .isEqualTo("/api/customers/" + customer + "/mandates/" + mandate.get("id").asLong());

    // Without an active mandate the table's reserve applies: no debit order.
    Invoice before = invoice(customer);
    executeDueJobs();
    assertThat(events(before, InvoiceEventType.DIRECT_DEBIT_REGISTERED)).isEmpty();

    List<Path> written = mandateFiles.run();
    assertThat(written).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
        .matches("autogiro-mandates-20260302-\\d{6}\\.txt"));
    List<String> records = Files.readAllLines(written.get(0), StandardCharsets.ISO_8859_1);
    assertThat(records.get(0)).startsWith("0120260302AUTOGIRO").endsWith("4711170050501055  ");
    assertThat(records).contains("04" + "0050501055" + zeros(payer, 16) + "5000000001234567" + "197001011233"
        + " ".repeat(24));
    assertThat(mandate(customer).get("status").asText()).isEqualTo("SENT");
    // Each mandate goes in one file only.
    assertThat(mandateFiles.run()).isEmpty();

    Path inbox = properties.inbox();
    Files.createDirectories(inbox);
    byte[] approval = advice(tk73(payer, "5000000001234567", "197001011233", "04", "32", "20260303"));
    String name = "AG-MEDAVI-" + payer + ".txt";
    Files.write(inbox.resolve(name), approval);
    assertThat(adviceInbox.poll()).singleElement().satisfies(o -> assertThat(o).startsWith(name + ": mandate advice"));
    assertThat(Files.readString(inbox.resolve("processed").resolve(name + ".report.txt")))
        .contains("1 applied, 0 kept aside").contains("SENT -> ACTIVE (04/32: new mandate initiated by the payee; "
            + "new mandate), customer " + customer);
    JsonNode active = mandate(customer);
    assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.get("statusCode").asText()).isEqualTo("04/32");
    assertThat(query.activeMandate(customer, MandateScheme.AUTOGIRO)).contains(payer);
    assertThat(customers.events(customer)).extracting(CustomerEvent::reason)
        .contains("Autogiro mandate " + payer + " approved by the bank (04/32: new mandate initiated by the payee; "
            + "new mandate)");

    // The same file again changes nothing.
    Files.write(inbox.resolve(name), approval);
    assertThat(adviceInbox.poll()).singleElement()
        .satisfies(o -> assertThat(o).startsWith(name + ": received before as mandate advice file"));
    assertThat(customers.events(customer)).filteredOn(e -> e.reason() != null && e.reason().contains("approved"))
        .hasSize(1);

    Invoice after = invoice(customer);
    executeDueJobs();
    assertThat(events(after, InvoiceEventType.DIRECT_DEBIT_REGISTERED)).singleElement()
        .satisfies(e -> assertThat(e.recipient()).isEqualTo("mandate " + payer));
  }

  @Test
  void aRejectionSaysTheBanksReason_aCancellationByThePayerEndsTheMandate_andNeitherIsDebited() throws Exception {
    String rejected = newCustomer(Map.of());
    String cancelled = newCustomer(Map.of());
    String payer1 = payerNumber();
    String payer2 = payerNumber();
    request(rejected, payer1);
    request(cancelled, payer2);
    mandateFiles.run();
    ResponseEntity<String> first = upload("/api/autogiro/mandate-advice-files", "medavi-1.txt",
        advice(tk73(payer1, null, null, "04", "23", "20260303"), tk73(payer2, null, null, "04", "32", "20260303")));
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
    assertThat(mandate(rejected).get("status").asText()).isEqualTo("REJECTED");
    assertThat(mandate(rejected).get("statusText").asText())
        .isEqualTo("04/23: new mandate initiated by the payee; incorrect bank account number");
    assertThat(mandate(cancelled).get("status").asText()).isEqualTo("ACTIVE");

    upload("/api/autogiro/mandate-advice-files", "medavi-2.txt",
        advice(tk73(payer2, null, null, "46", "02", "20260304")));
    assertThat(mandate(cancelled).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(mandate(cancelled).get("statusCode").asText()).isEqualTo("46/02");
    assertThat(query.activeMandate(cancelled, MandateScheme.AUTOGIRO)).isEmpty();
    assertThat(query.activeMandate(rejected, MandateScheme.AUTOGIRO)).isEmpty();
  }

  @Test
  void aCaseHandlerCancels_theBankIsToldWithATk03_andItsConfirmationChangesNothingMore() throws Exception {
    String customer = newCustomer(Map.of());
    String payer = payerNumber();
    long id = json(request(customer, payer)).get("id").asLong();
    mandateFiles.run();
    upload("/api/autogiro/mandate-advice-files", "medavi-ok.txt",
        advice(tk73(payer, null, null, "04", "32", "20260303")));
    ResponseEntity<String> cancel = send(as("case-handlers"), HttpMethod.DELETE,
        "/api/customers/" + customer + "/mandates/" + id, null);
    assertThat(cancel.getStatusCode().value()).isEqualTo(200);
    assertThat(json(cancel).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(json(cancel).get("pendingAction").asText()).isEqualTo("CANCEL");
    assertThat(query.activeMandate(customer, MandateScheme.AUTOGIRO)).isEmpty();

    List<Path> written = mandateFiles.run();
    assertThat(Files.readAllLines(written.get(0), StandardCharsets.ISO_8859_1))
        .contains("03" + "0050501055" + zeros(payer, 16) + " ".repeat(52));
    ResponseEntity<String> confirmed = upload("/api/autogiro/mandate-advice-files", "medavi-cancel.txt",
        advice(tk73(payer, null, null, "03", "33", "20260304")));
    assertThat(json(confirmed).get("applied").asInt()).isEqualTo(1);
    assertThat(mandate(customer).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(mandate(customer).get("pendingAction").isNull()).isTrue();
  }

  @Test
  void aMandateFromTheInternetBankBecomesActiveForItsCustomer_anUnknownPayerIsKeptAsideNotHalfApplied()
      throws Exception {
    String customer = newCustomer(Map.of());
    String unknown = payerNumber();
    ResponseEntity<String> answer = upload("/api/autogiro/mandate-advice-files", "medavi-bank.txt", advice(
        tk73(customer, "8327000123456789", "197001011233", "04", "32", "20260303"),
        tk73(unknown, null, "191212121212", "04", "32", "20260303"),
        tk73(unknown, null, null, "46", "02", "20260303")));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode summary = json(answer);
    assertThat(summary.get("records").asInt()).isEqualTo(3);
    assertThat(summary.get("applied").asInt()).isEqualTo(1);
    assertThat(summary.get("keptAside").asInt()).isEqualTo(2);
    assertThat(summary.get("notes").get(1).get("outcome").asText()).isEqualTo("KEPT_ASIDE");
    assertThat(summary.get("notes").get(1).get("message").asText()).contains("no customer has that number");
    assertThat(summary.get("notes").get(2).get("message").asText())
        .isEqualTo("payer number " + unknown + " is no mandate Fordra knows (46/02: cancellation initiated by the "
            + "payer or the payer's bank; mandate cancelled on the initiative of the payer or the payer's bank)");
    JsonNode mandate = mandate(customer);
    assertThat(mandate.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(mandate.get("origin").asText()).isEqualTo("BANK");
    assertThat(mandate.get("payerAccount").asText()).isEqualTo("8327000123456789");
    assertThat(json(get(api(), "/api/autogiro/mandate-advice-files/" + summary.get("id").asLong())))
        .isEqualTo(summary);
  }

  @Test
  void onePayerNumberIsOnePayer_leadingZerosAside_andAnAdviceNamingAnotherPersonChangesNoMandate() throws Exception {
    String holder = newCustomer(Map.of());
    String payer = payerNumber();
    request(holder, payer);
    String other = newCustomer(Map.of());
    ResponseEntity<String> zeros = send(api(), HttpMethod.POST, "/api/customers/" + other + "/mandates",
        Map.of("payerNumber", "00" + payer, "payerAccount", "5000 1234567", "payerId", "19750707-7779"));
    assertThat(zeros.getStatusCode().value()).as(zeros.getBody()).isEqualTo(409);
    assertThat(zeros.getBody()).contains("Payer number " + payer + " is customer " + holder + "'s");

    // The bank approves payer number <payer> for another person than the holder's mandate names.
    JsonNode summary = json(upload("/api/autogiro/mandate-advice-files", "medavi-other-person.txt", advice(
        tk73(payer, "5000000001234567", "197507077779", "04", "32", "20260303"))));
    assertThat(summary.get("keptAside").asInt()).isEqualTo(1);
    assertThat(summary.get("notes").get(0).get("message").asText()).isEqualTo("payer number " + payer
        + " is customer " + holder + "'s mandate for 197001011233, but the bank's record names 197507077779 "
        + "(04/32: new mandate initiated by the payee; new mandate): a person decides");
    assertThat(mandate(holder).get("status").asText()).isEqualTo("REQUESTED");
    assertThat(json(get(api(), "/api/customers/" + other + "/mandates"))).isEmpty();

    // Approved for the right person, before it went in a file: active, and no TK04 is to be sent any more.
    upload("/api/autogiro/mandate-advice-files", "medavi-holder.txt", advice(
        tk73(payer, "5000000001234567", "197001011233", "04", "32", "20260303")));
    JsonNode approved = mandate(holder);
    assertThat(approved.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(approved.get("pendingAction").isNull()).as(approved.toString()).isTrue();
  }

  @Test
  void aMandateFromTheInternetBankIsFoundByTheCustomersPersonnummer() throws Exception {
    String personnummer = personnummer();
    String customer = newCustomer(Map.of("organisationNumber", personnummer.substring(0, 8) + "-"
        + personnummer.substring(8)));
    String payer = payerNumber();
    JsonNode summary = json(upload("/api/autogiro/mandate-advice-files", "medavi-by-id.txt", advice(
        tk73(payer, "5000000001234567", personnummer, "04", "32", "20260303"))));
    assertThat(summary.get("applied").asInt()).as(summary.toString()).isEqualTo(1);
    JsonNode mandate = mandate(customer);
    assertThat(mandate.get("payerNumber").asText()).isEqualTo(payer);
    assertThat(mandate.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(mandate.get("origin").asText()).isEqualTo("BANK");
  }

  @Test
  void aLargeAdviceAnswersWithItsCountsAndTheFirst200Notes() throws Exception {
    String[] records = new String[201];
    long first = Long.parseLong(payerNumber());
    for (int i = 0; i < records.length; i++) {
      records[i] = tk73(String.valueOf(first + i), null, null, "46", "02", "20260303");
    }
    JsonNode summary = json(upload("/api/autogiro/mandate-advice-files", "medavi-large.txt", advice(records)));
    assertThat(summary.get("records").asInt()).isEqualTo(201);
    assertThat(summary.get("keptAside").asInt()).isEqualTo(201);
    assertThat(summary.get("notes")).hasSize(200);
    assertThat(summary.get("notesNotListed").asInt()).isEqualTo(1);
  }

  @Test
  void aFileInTheInboxThatIsNoMandateAdviceIsRejectedWithWhy() throws Exception {
    java.nio.file.Path inbox = properties.inbox();
    java.nio.file.Files.createDirectories(inbox);
    String name = "hello-" + payerNumber() + ".txt";
    java.nio.file.Files.writeString(inbox.resolve(name), "hello world\n");
    assertThat(adviceInbox.poll()).contains(name + ": rejected (not a mandate advice)");
    assertThat(java.nio.file.Files.readString(inbox.resolve("rejected").resolve(name + ".problems.txt")))
        .contains("not an Autogiro mandate advice");
  }

  @Test
  void twoRunsAtOnce_eachMandateIsInExactlyOneFile() throws Exception {
    List<String> payers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String payer = payerNumber();
      request(newCustomer(Map.of()), payer);
      payers.add(payer);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      List<java.util.concurrent.Future<List<Path>>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return mandateFiles.run();
        }));
      }
      // A file both runs found undelivered is written by both, the same: count each file once.
      java.util.Set<Path> files = new java.util.TreeSet<>();
      for (var run : runs) {
        files.addAll(run.get());
      }
      List<String> written = new ArrayList<>();
      for (Path file : files) {
        written.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
      }
      for (String payer : payers) {
        assertThat(written).as(payer).filteredOn(r -> r.startsWith("04") && r.substring(12, 28).equals(zeros(payer, 16)))
            .hasSize(1);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aTruncatedFileIsRefusedWholeAs400_andChangesNothing() throws Exception {
    String customer = newCustomer(Map.of());
    String payer = payerNumber();
    request(customer, payer);
    mandateFiles.run();
    byte[] whole = advice(tk73(payer, null, null, "04", "32", "20260303"));
    byte[] truncated = java.util.Arrays.copyOf(whole, 82 * 2);
    ResponseEntity<String> refused = upload("/api/autogiro/mandate-advice-files", "cut.txt", truncated);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody()).contains("has no end record TK09: the file is truncated");
    assertThat(mandate(customer).get("status").asText()).isEqualTo("SENT");

    Path inbox = properties.inbox();
    Files.createDirectories(inbox);
    Files.write(inbox.resolve("cut-" + payer + ".txt"), truncated);
    assertThat(adviceInbox.poll()).singleElement().satisfies(o -> assertThat(o).contains("rejected"));
    assertThat(Files.readString(inbox.resolve("rejected").resolve("cut-" + payer + ".txt.problems.txt")))
        .contains("the file is truncated");
  }

  @Test
  void rolesCaseHandlersAndFinanceRegister_processOwnersAndAuditorsMayNot_onlyFinanceUploads() throws Exception {
    String customer = newCustomer(Map.of());
    Map<String, Object> body = Map.of("payerNumber", payerNumber(), "payerAccount", "5000 1234567",
        "payerId", "19700101-1233");
    String uri = "/api/customers/" + customer + "/mandates";
    assertThat(send(as("process-owners"), HttpMethod.POST, uri, body).getStatusCode().value()).isEqualTo(403);
    assertThat(send(as("auditors"), HttpMethod.POST, uri, body).getStatusCode().value()).isEqualTo(403);
    assertThat(get(as("auditors"), uri).getStatusCode().value()).isEqualTo(200);
    assertThat(get(as("process-owners"), uri).getStatusCode().value()).isEqualTo(200);
    assertThat(send(as("finance"), HttpMethod.POST, uri, body).getStatusCode().value()).isEqualTo(201);
    long id = json(get(as("case-handlers"), uri)).get(0).get("id").asLong();
    assertThat(send(as("process-owners"), HttpMethod.DELETE, uri + "/" + id, null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(send(as("finance"), HttpMethod.DELETE, uri + "/" + id, null).getStatusCode().value()).isEqualTo(200);

    byte[] file = advice();
    assertThat(multipart(as("case-handlers"), file).getStatusCode().value()).isEqualTo(403);
    assertThat(multipart(as("auditors"), file).getStatusCode().value()).isEqualTo(403);
    assertThat(multipart(as("finance"), file).getStatusCode().value()).isIn(200, 201);
    assertThat(RestClient.create("http://localhost:" + port).get().uri(uri).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void badInputIs400WithEveryReason_andStoresNothing() throws Exception {
    String customer = newCustomer(Map.of());
    String uri = "/api/customers/" + customer + "/mandates";
    ResponseEntity<String> bad = send(api(), HttpMethod.POST, uri, Map.of("scheme", "SEPA",
        "payerNumber", "12-34", "payerAccount", "konto", "payerId", "19700101-1234"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(errors(bad)).containsExactly(
        "scheme: must be AUTOGIRO (AvtaleGiro agreements are made in the payer's Norwegian bank)",
        "payerAccount: 'konto' is not a Swedish bank account: clearing number and account number, e.g. "
            + "\"5000 1234567\"",
        "payerId: '19700101-1234' is not a valid personnummer (YYYYMMDD-NNNN) or organisationsnummer (NNNNNN-NNNN): "
            + "check digit or date",
        "payerNumber: must be 1-16 digits (Bankgirot's betalarnummer), not all zeros");
    assertThat(errors(send(api(), HttpMethod.POST, uri, Map.of("payerBankgiro", "5050-1056")))).containsExactly(
        "payerBankgiro: '5050-1056' is not a bankgiro number (7-8 digits, e.g. \"123-4567\", with a valid check "
            + "digit)",
        "payerId: is required: the account holder's personnummer or organisationsnummer");
    assertThat(send(api(), HttpMethod.POST, uri, "{not json").getStatusCode().value()).isEqualTo(400);
    assertThat(json(get(api(), uri))).isEmpty();
    assertThat(send(api(), HttpMethod.POST, "/api/customers/NO-SUCH-" + customer + "/mandates",
        Map.of("payerAccount", "5000 1234567", "payerId", "19700101-1233")).getStatusCode().value()).isEqualTo(404);
    assertThat(send(api(), HttpMethod.DELETE, uri + "/999999999", null).getStatusCode().value()).isEqualTo(404);

    String payer = payerNumber();
    request(customer, payer);
    ResponseEntity<String> twice = send(api(), HttpMethod.POST, uri, Map.of("payerNumber", payerNumber(),
        "payerAccount", "5000 1234567", "payerId", "19700101-1233"));
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    String other = newCustomer(Map.of());
    assertThat(send(api(), HttpMethod.POST, "/api/customers/" + other + "/mandates", Map.of("payerNumber", payer,
        "payerAccount", "5000 1234567", "payerId", "19700101-1233")).getStatusCode().value()).isEqualTo(409);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private ResponseEntity<String> request(String customer, String payer) {
    ResponseEntity<String> answer = send(api(), HttpMethod.POST, "/api/customers/" + customer + "/mandates",
        Map.of("payerNumber", payer, "payerAccount", "5000 1234567", "payerId", "19700101-1233"));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    return answer;
  }

  /** The customer's (only) mandate. */
  private JsonNode mandate(String customer) throws Exception {
    JsonNode list = json(get(api(), "/api/customers/" + customer + "/mandates"));
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  /** A Swedish private customer over the API, with the extra fields given. */
  private String newCustomer(Map<String, String> extra) {
    // Digits only: a customer number that can be a payer number (the default, and how the internet bank's are found).
    String number = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerNumber", number);
    body.put("name", "Anna Autogiro");
    body.put("type", "PRIVATE");
    body.put("country", "SE");
    body.put("email", number.toLowerCase() + "@autogiro.example");
    body.put("address", Map.of("street", "Storgatan 1", "postalCode", "111 22", "city", "Stockholm"));
    body.putAll(extra);
    ResponseEntity<String> created = send(api(), HttpMethod.POST, "/api/customers", body);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return number;
  }

  private Invoice invoice(String customer) {
    return invoices.create(new InvoiceRequest("AGI-" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999),
        customer, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Gym", BigDecimal.ONE, new BigDecimal("400.00"), new BigDecimal("25"),
            null, null)), null, null));
  }

  private List<InvoiceEvent> events(Invoice invoice, InvoiceEventType type) {
    return invoices.events(reload(invoice)).stream().filter(e -> e.type() == type).toList();
  }

  private static String payerNumber() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
  }

  /** A valid personnummer with century (YYYYMMDDNNNN), random enough to be nobody else's in the test database. */
  private static String personnummer() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String nine = String.format("%02d%02d%02d%03d", random.nextInt(40, 99), random.nextInt(1, 13),
        random.nextInt(1, 29), random.nextInt(0, 1000));
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return "19" + nine + (10 - sum % 10) % 10;
  }

  private static String zeros(String digits, int width) {
    return "0".repeat(width - digits.length()) + digits;
  }

  private RestClient as(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(id, PASSWORD)).build();
  }

  private static ResponseEntity<String> multipart(RestClient client, byte[] content) {
    var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "medavi.txt";
      }
    });
    return client.post().uri("/api/autogiro/mandate-advice-files").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }
}
