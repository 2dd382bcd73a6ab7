package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.LedgerInvariant;
import io.fordra.MailParts;
import io.fordra.ProcessTestSupport;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.paymentplan.PaymentPlanProcess;
import io.fordra.reference.PaymentReferences;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20's "Done means", end to end with the real beans (PaymentPlans, PlanLifecycle, PlanLetters, the policy table,
 * payment-plan.bpmn and invoice-to-cash), only through the application's doors: a Swedish private debtor's 9 000 SEK
 * invoice is reminded once; the customer's financial portal user asks for 3 instalments on the portal's form; the
 * policy approves at once; the plan letter with its three OCRs leaves by e-mail; two instalments are paid by their
 * OCRs over /api/payments; the third is not: its reminder, the broken plan and its letter, then the second reminder.
 * No reminder while the plan ran; the ledger agrees. Time moves only by the engine clock and due jobs.
 * Run on H2 ({@link H2PaymentPlanEndToEndTest}) and PostgreSQL ({@link PostgresPaymentPlanEndToEndTest}).
 */
abstract class PaymentPlanEndToEndScenario extends ProcessTestSupport {

  private static final String PASSWORD = "a long pass phrase 20";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private DocumentService documents;
  @Autowired private JdbcClient jdbc;
  @Autowired private LedgerAccounts accounts;

  private String planNumber;

  @AfterEach
  void noPlanLeftRunning() {
    // Another test on the shared context must not find this test's timers due when it moves the clock.
    runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.KEY).active().list().stream()
        .filter(i -> i.getBusinessKey() != null && i.getBusinessKey().equals(planNumber))
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test over", true, true));
  }

  @Test
  void aRemindedDebtorAsksInThePortalForThreeInstalments_paysTwo_missesTheThird_andDunningResumes()
      throws Exception {
    // 1. A Swedish private customer with e-mail, a 9 000.00 SEK invoice, sent, overdue, reminded once.
    String customerNumber = "C-" + UUID.randomUUID().toString().substring(0, 8);
    String invoiceNumber = "F-E2E-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "bo." + customerNumber.toLowerCase() + "@example.se";
    assertThat(call(HttpMethod.POST, "/api/customers", Map.of("customerNumber", customerNumber, "name", "Bo Berg",
        "type", "PRIVATE", "priority", false, "country", "SE", "email", email,
        "address", Map.of("street", "Sveavägen 9", "postalCode", "113 50", "city", "Stockholm"),
        "reminderFeeAgreed", true)).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<String> created = call(HttpMethod.POST, "/api/invoices", Map.of("invoiceNumber", invoiceNumber,
        "customerNumber", customerNumber, "issueDate", "2026-03-02", "dueDate", "2026-04-01", "currency", "SEK",
        "lines", List.of(Map.of("description", "Köksrenovering", "quantity", 1, "unitPrice", "7200.00",
            "vatRate", 25))));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(json(created).get("totalAmount").decimalValue()).isEqualByComparingTo("9000.00");
    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 10)); // past the undo window
    assertThat(invoice(invoiceNumber).get("status").asText()).isEqualTo("SENT");
    advanceTo(LocalDate.of(2026, 4, 2));
    assertThat(invoice(invoiceNumber).get("status").asText()).isEqualTo("OVERDUE");
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(9, 0)); // the run of the 15th
    JsonNode reminded = invoice(invoiceNumber);
    assertThat(reminded.get("status").asText()).isEqualTo("REMINDED");
    assertThat(reminded.get("dunningLevel").asInt()).isEqualTo(1);
    assertThat(reminded.get("remindersSent").asInt()).isEqualTo(1);
    Invoice theInvoice = invoices.get(invoiceNumber);
    StoredDocument firstReminder = only(theInvoice, DocumentKind.REMINDER);
    MimeMessage reminderMail = mailOf(firstReminder);
    assertThat(reminderMail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(reminderMail.getSubject()).isEqualTo("Påminnelse: faktura " + invoiceNumber + " från Exempelbolaget AB");

    // 2. The customer's financial portal user asks for 3 instalments on the portal's form.
    at(LocalDate.of(2026, 4, 16), LocalTime.of(10, 0));
    String username = "bo." + customerNumber.toLowerCase();
    assertThat(call(HttpMethod.POST, "/api/customers/" + customerNumber + "/portal-users", Map.of(
        "username", username, "name", "Bo Berg", "password", PASSWORD, "administrator", true, "financial", true,
        "language", "sv")).getStatusCode().value()).isEqualTo(201);
    PortalBrowser browser = new PortalBrowser(port);
    assertThat(browser.login(username, PASSWORD).statusCode()).isEqualTo(303);
    assertThat(browser.get("/portal/invoices/" + invoiceNumber).body()).contains("id=\"ask-instalments\"");
    HttpResponse<String> form = browser.get("/portal/payment-plans/new?kind=INSTALMENTS&invoice=" + invoiceNumber);
    assertThat(form.statusCode()).isEqualTo(200);
    BigDecimal openAtRequest = invoice(invoiceNumber).get("openAmount").decimalValue();
    assertThat(openAtRequest).as("9 000.00 and the reminder fee of 60.00").isEqualByComparingTo("9060.00");
    Instant requestedAt = now();
    HttpResponse<String> asked = browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS",
        "invoice", invoiceNumber, "instalments", "3", "note", "Förlorade jobbet i mars; kan betala varje månad"));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
    String location = asked.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/portal/payment-plans/PP-[0-9]+\\?sent=1");
    planNumber = location.substring("/portal/payment-plans/".length(), location.indexOf('?'));
    executeDueJobs(); // the plan letter's sending is a job

    JsonNode plan = plan();
    assertThat(plan.get("status").asText()).isEqualTo("RUNNING");
    assertThat(plan.get("decidedBy").asText()).isEqualTo("payment-plan-policy");
    assertThat(plan.get("customerNumber").asText()).isEqualTo(customerNumber);
    assertThat(plan.get("openAmount").decimalValue()).isEqualByComparingTo(openAtRequest);
    assertThat(plan.get("fee").decimalValue()).isEqualByComparingTo("170.00");
    assertThat(plan.get("totalAmount").decimalValue()).isEqualByComparingTo(openAtRequest.add(new BigDecimal("170")));
    JsonNode instalments = plan.get("instalments");
    assertThat(instalments).hasSize(3);
    List<String> ocrs = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    List<LocalDate> dueDates = new ArrayList<>();
    for (JsonNode instalment : instalments) {
      ocrs.add(instalment.get("paymentReference").asText());
      amounts.add(instalment.get("amount").decimalValue());
      dueDates.add(LocalDate.parse(instalment.get("dueDate").asText()));
      assertThat(instalment.get("status").asText()).isEqualTo("OPEN");
    }
    assertThat(new HashSet<>(ocrs)).as("three distinct OCRs").hasSize(3).doesNotContain(
        theInvoice.paymentReference());
    assertThat(ocrs).allMatch(PaymentReferences::isValidSwedishOcr);
    assertThat(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(openAtRequest.add(new BigDecimal("170.00")));
    assertThat(amounts).as("(9 060.00 + 170.00) / 3, the last takes the remainder").containsExactly(
        new BigDecimal("3076.66"), new BigDecimal("3076.66"), new BigDecimal("3076.68"));
    assertThat(dueDates).containsExactly(LocalDate.of(2026, 5, 16), LocalDate.of(2026, 6, 16),
        LocalDate.of(2026, 7, 16));
    JsonNode inPlan = invoice(invoiceNumber);
    assertThat(inPlan.get("feesAmount").decimalValue()).as("reminder fee + plan fee")
        .isEqualByComparingTo(reminded.get("feesAmount").decimalValue().add(new BigDecimal("170.00")));
    String page = browser.get(location).body();
    assertThat(page).contains("data-status=\"RUNNING\"", ocrs.get(0), ocrs.get(1), ocrs.get(2));

    // 3. The plan letter by e-mail, the PDF with the three OCRs and amounts.
    StoredDocument letter = only(invoices.get(invoiceNumber), DocumentKind.PAYMENT_PLAN);
    assertThat(letter.sentAt()).isNotNull();
    assertThat(letter.sentChannel()).isEqualTo("EMAIL");
    MimeMessage letterMail = mailOf(letter);
    assertThat(letterMail.getSubject())
        .isEqualTo("Överenskommelse om betalning av faktura " + invoiceNumber + " från Exempelbolaget AB");
    assertThat(letterMail.getAllRecipients()[0].toString()).isEqualTo(email);
    byte[] pdf = pdfOf(letterMail);
    assertThat(pdf).isEqualTo(letter.content());
    String pdfText = Letters.pdfText(pdf).replace('\u00a0', ' ');
    assertThat(pdfText).contains(planNumber, ocrs.get(0), ocrs.get(1), ocrs.get(2));
    for (BigDecimal amount : amounts) {
      assertThat(pdfText).contains(swedish(amount));
    }

    // 4. Instalments 1 and 2 paid by their OCRs on their due dates.
    for (int i = 0; i < 2; i++) {
      at(dueDates.get(i), LocalTime.NOON);
      ResponseEntity<String> paid = call(HttpMethod.POST, "/api/payments", Map.of("paymentReference", ocrs.get(i),
          "amount", amounts.get(i).toPlainString(), "currency", "SEK", "paidAt", dueDates.get(i).toString(),
          "bankTransactionId", "BG-E2E-" + UUID.randomUUID()));
      assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
      executeDueJobs();
      assertThat(plan().get("instalments").get(i).get("status").asText()).isEqualTo("PAID");
      assertThat(plan().get("status").asText()).isEqualTo("RUNNING");
    }
    assertThat(plan().get("instalments").get(2).get("status").asText()).isEqualTo("OPEN");
    assertThat(plan().get("paidAmount").decimalValue()).isEqualByComparingTo(amounts.get(0).add(amounts.get(1)));
    // The runs of 1 May to 15 July have passed: invoice-to-cash holds while the plan runs.
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(processOf(theInvoice))
        .isWaitingAt(io.fordra.invoice.InvoiceToCash.Elements.WAIT_WHILE_IN_PAYMENT_PLAN);
    JsonNode held = invoice(invoiceNumber);
    assertThat(held.get("status").asText()).isEqualTo("REMINDED");
    assertThat(held.get("dunningLevel").asInt()).isEqualTo(1);
    assertThat(held.get("remindersSent").asInt()).isEqualTo(1);

    // 5. The third is not paid: its reminder after the grace period (P7D), then the broken plan.
    LocalDate third = dueDates.get(2);
    advanceTo(third.plusDays(7), LocalTime.of(23, 0));
    assertThat(plan().get("instalments").get(2).get("status").asText()).as("still in its grace").isEqualTo("OPEN");
    assertThat(kinds(invoiceNumber)).doesNotContain(DocumentKind.INSTALMENT_REMINDER);
    advanceTo(third.plusDays(8), LocalTime.of(9, 0));
    assertThat(plan().get("instalments").get(2).get("status").asText()).isEqualTo("LATE");
    StoredDocument instalmentReminder = only(invoices.get(invoiceNumber), DocumentKind.INSTALMENT_REMINDER);
    assertThat(instalmentReminder.sentAt()).isNotNull();
    MimeMessage instalmentReminderMail = mailOf(instalmentReminder);
    assertThat(instalmentReminderMail.getSubject())
        .isEqualTo("Påminnelse om delbetalning: faktura " + invoiceNumber + " från Exempelbolaget AB");
    assertThat(instalmentReminder.payBy()).as("a grace period after the last day of grace")
        .isEqualTo(third.plusDays(15));
    String reminderText = Letters.pdfText(pdfOf(instalmentReminderMail)).replace('\u00a0', ' ');
    assertThat(reminderText).contains(ocrs.get(2), swedish(amounts.get(2)));
    assertThat(plan().get("status").asText()).isEqualTo("RUNNING");

    advanceTo(third.plusDays(15), LocalTime.of(23, 0));
    assertThat(plan().get("status").asText()).as("the reminder's grace not yet over").isEqualTo("RUNNING");
    advanceTo(third.plusDays(16), LocalTime.of(3, 0));
    assertThat(plan().get("status").asText()).isEqualTo("BROKEN");
    Instant brokenAt = now();
    StoredDocument brokenLetter = only(invoices.get(invoiceNumber), DocumentKind.PAYMENT_PLAN_BROKEN);
    assertThat(brokenLetter.sentAt()).isNotNull();
    MimeMessage brokenMail = mailOf(brokenLetter);
    assertThat(brokenMail.getSubject())
        .isEqualTo("Betalningsplanen har upphört: faktura " + invoiceNumber + " från Exempelbolaget AB");
    assertThat(Letters.pdfText(pdfOf(brokenMail)).replace('\u00a0', ' ')).as("paid, and the rest now due")
        .contains(planNumber, swedish(amounts.get(0).add(amounts.get(1))), swedish(amounts.get(2)));
    assertThat(invoice(invoiceNumber).get("remindersSent").asInt()).isEqualTo(1);

    // The next dunning step of a Swedish private debtor with one reminder: the second, at the next run.
    advanceTo(third.plusDays(16), LocalTime.of(9, 0)); // 1 August: the run of the 1st (06:00) has passed
    JsonNode resumed = invoice(invoiceNumber);
    assertThat(resumed.get("remindersSent").asInt()).isEqualTo(2);
    assertThat(resumed.get("dunningLevel").asInt()).isEqualTo(2);
    assertThat(resumed.get("status").asText()).isEqualTo(InvoiceStatus.REMINDED.name());
    List<StoredDocument> reminders = documents.forInvoice(invoices.get(invoiceNumber)).stream()
        .filter(d -> d.kind() == DocumentKind.REMINDER).toList();
    assertThat(reminders).hasSize(2);
    StoredDocument secondReminder = reminders.get(1);
    assertThat(secondReminder.sentAt()).isNotNull();
    assertThat(secondReminder.amountDue()).as("what is still open").isEqualByComparingTo(resumed.get("openAmount")
        .decimalValue());
    assertThat(mailOf(secondReminder).getSubject())
        .isEqualTo("Påminnelse: faktura " + invoiceNumber + " från Exempelbolaget AB");

    // 6. No reminder while the plan ran; the ledger agrees and the open amount is total + fees - payments.
    assertThat(reminders).allSatisfy(r -> assertThat(r.createdAt().isAfter(requestedAt)
        && r.createdAt().isBefore(brokenAt)).as("reminder " + r.sequenceNumber() + " made at " + r.createdAt()
        + ", the plan ran from " + requestedAt + " to " + brokenAt).isFalse());
    assertThat(reminderMails(invoiceNumber)).as("reminder mails in the outbox").hasSize(2);
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
    BigDecimal paidByInstalments = amounts.get(0).add(amounts.get(1));
    assertThat(resumed.get("paidAmount").decimalValue()).isEqualByComparingTo(paidByInstalments);
    assertThat(resumed.get("openAmount").decimalValue()).isEqualByComparingTo(resumed.get("totalAmount")
        .decimalValue().add(resumed.get("feesAmount").decimalValue()).subtract(paidByInstalments));
    // The portal shows the debtor the broken plan (a new login: months have passed on the clock).
    PortalBrowser later = new PortalBrowser(port);
    assertThat(later.login(username, PASSWORD).statusCode()).isEqualTo(303);
    assertThat(later.get("/portal/payment-plans/" + planNumber).body()).contains("data-status=\"BROKEN\"");
  }

  private JsonNode plan() throws Exception {
    ResponseEntity<String> answer = call(HttpMethod.GET, "/api/payment-plans/" + planNumber, null);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json(answer);
  }

  private JsonNode invoice(String invoiceNumber) throws Exception {
    ResponseEntity<String> answer = call(HttpMethod.GET, "/api/invoices/" + invoiceNumber, null);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json(answer);
  }

  private static JsonNode json(ResponseEntity<String> answer) throws Exception {
    return JSON.readTree(answer.getBody());
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  private List<DocumentKind> kinds(String invoiceNumber) {
    return documents.forInvoice(invoices.get(invoiceNumber)).stream().map(StoredDocument::kind).toList();
  }

  private StoredDocument only(Invoice invoice, DocumentKind kind) {
    List<StoredDocument> found = documents.forInvoice(invoice).stream().filter(d -> d.kind() == kind).toList();
    assertThat(found).as(kind + " of " + invoice.invoiceNumber()).hasSize(1);
    return found.get(0);
  }

  /** The .eml the document went out as (the outbox names it by its Message-ID). */
  private static MimeMessage mailOf(StoredDocument document) throws Exception {
    Path file = Path.of("target/test-outbox", document.messageId().replaceAll("[^A-Za-z0-9._@-]", "") + ".eml");
    assertThat(file).as("the mail of " + document.kind() + " " + document.fileName()).exists();
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  /** Every mail in the outbox for the invoice's reminders (Message-ID invoice.reminder…). */
  private static List<Path> reminderMails(String invoiceNumber) throws Exception {
    try (var files = Files.list(Path.of("target/test-outbox"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(invoiceNumber + ".reminder")).toList();
    }
  }

  private static byte[] pdfOf(MimeMessage message) throws Exception {
    for (Part part : MailParts.leaves(message)) {
      if (part.isMimeType("application/pdf")) {
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached to " + message.getSubject());
  }


  /** 3076.66 as a Swedish letter prints it: 3 076,66. */
  private static String swedish(BigDecimal amount) {
    String plain = amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    int comma = plain.indexOf(',');
    StringBuilder grouped = new StringBuilder(plain.substring(comma));
    for (int i = comma; i > 0; i -= 3) {
      grouped.insert(0, plain.substring(Math.max(0, i - 3), i));
      if (i - 3 > 0) {
        grouped.insert(0, ' ');
      }
    }
    return grouped.toString();
  }
}
