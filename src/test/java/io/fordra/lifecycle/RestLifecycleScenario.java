package io.fordra.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fordra.invoice.InvoiceToCash;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The whole lifecycle over REST, as a user of the README would run it: real SMTP (GreenMail), the job executor and
 * the simulation clock. One invoice walks to the collection agency, one paid halfway is followed up for the rest,
 * one paid in full is left alone. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class RestLifecycleScenario {

  static final String AGENCY = "agency@inkasso.example";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  private final ObjectMapper json = new ObjectMapper();

  abstract String adminPassword();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void invoicesWalkThroughSendingRemindersAndCollectionWhilePaymentsEndFollowUp() throws Exception {
    RestClient api = adminApi();
    String run = UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = today(api);

    String customer = "IT-" + run;
    api.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).body("""
        {"customerNumber":"%s","name":"Kalle Karlsson","type":"PRIVATE","priority":false,"country":"SE",
         "email":"kalle.%s@kund.example","address":{"street":"Kungsgatan 5","postalCode":"411 19","city":"Göteborg"},
         "reminderFeeAgreed":true}""".formatted(customer, run)).retrieve().toBodilessEntity();
    String unpaid = createInvoice(api, customer, "A-" + run, today);
    String halfPaid = createInvoice(api, customer, "B-" + run, today);
    String paid = createInvoice(api, customer, "C-" + run, today);

    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 3);
    MimeMessage invoiceMail = mailWithSubject("Faktura " + unpaid);
    assertThat(invoiceMail.getAllRecipients()[0].toString()).isEqualTo("kalle." + run + "@kund.example");
    assertThat(invoiceMail.getMessageID()).isEqualTo("<" + unpaid + ".invoice.1@fordra.exempelbolaget.se>");
    byte[] pdf = attachment(invoiceMail, "invoice-" + unpaid + ".pdf");
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    await().atMost(Duration.ofSeconds(10)).until(() -> status(api, unpaid).equals("SENT"));

    JsonNode full = pay(api, paid, "1250.00", "TX-C-" + run);
    assertThat(full.get("status").asText()).isEqualTo("MATCHED");
    assertThat(status(api, paid)).isEqualTo("PAID");
    pay(api, halfPaid, "625.00", "TX-B1-" + run);
    assertThat(invoice(api, halfPaid).get("openAmount").decimalValue()).isEqualByComparingTo("625.00");

    // Past the due date and on to the next reminder run.
    advance(api, "P31D");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(api, unpaid).equals("OVERDUE"));
    advance(api, "P17D");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(api, unpaid).equals("REMINDED")
        && status(api, halfPaid).equals("REMINDED"));
    assertThat(invoice(api, unpaid).get("openAmount").decimalValue()).isEqualByComparingTo("1310.00");
    assertThat(invoice(api, halfPaid).get("openAmount").decimalValue()).as("only the rest plus the fee")
        .isEqualByComparingTo("685.00");
    await().atMost(Duration.ofSeconds(10)).until(() -> hasMailWithSubject("Påminnelse: faktura " + halfPaid));
    assertThat(text(mailWithSubject("Påminnelse: faktura " + halfPaid))).contains("685,00 SEK");

    // The half-paid invoice is paid up; the unpaid one goes on to the collection agency.
    pay(api, halfPaid, "685.00", "TX-B2-" + run);
    assertThat(status(api, halfPaid)).isEqualTo("PAID");
    for (int step = 0; step < 8 && !status(api, unpaid).equals("IN_COLLECTION"); step++) {
      advance(api, "P17D");
      String before = status(api, unpaid);
      await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(300))
          .until(() -> management.createJobQuery().executable().count() == 0);
      assertThat(status(api, unpaid)).as("after step " + step + " (was " + before + ")").isNotEqualTo("PAID");
    }
    assertThat(status(api, unpaid)).isEqualTo("IN_COLLECTION");
    JsonNode handedOff = invoice(api, unpaid);
    assertThat(handedOff.get("remindersSent").asInt()).isEqualTo(2);
    assertThat(events(handedOff)).contains("OVERDUE", "REMINDER_SENT", "COLLECTION_NOTICE_SENT", "HANDED_OFF");
    MimeMessage agencyMail = mailWithSubject("Nytt inkassoärende: faktura " + unpaid);
    assertThat(agencyMail.getAllRecipients()[0].toString()).isEqualTo(AGENCY);
    assertThat(new String(attachment(agencyMail, "invoice-" + unpaid + ".pdf"), 0, 5)).isEqualTo("%PDF-");

    // Paid in full after the hand-off: the agency is told.
    String open = handedOff.get("openAmount").decimalValue().toPlainString();
    pay(api, unpaid, open, "TX-A-" + run);
    await().atMost(Duration.ofSeconds(30)).until(() -> hasMailWithSubject("Betalning i inkassoärende: faktura " + unpaid));
    assertThat(status(api, unpaid)).isEqualTo("PAID");

    // The invoice paid in full before its due date got its invoice mail and nothing else.
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(paid))).hasSize(1);
    assertThat(events(invoice(api, paid))).doesNotContain("OVERDUE", "REMINDER_SENT");
  }

  @Test
  void anObjectionIsNudgedAnsweredInWritingAndTheCustomerGetsTheReply() throws Exception {
    RestClient api = adminApi();
    String run = UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = today(api);
    String customer = "OBJ-" + run;
    api.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).body("""
        {"customerNumber":"%s","name":"Ola Nordmann","type":"PRIVATE","country":"NO","email":"ola.%s@kunde.example",
         "address":{"street":"Karl Johans gate 1","postalCode":"0154","city":"Oslo"}}""".formatted(customer, run))
        .retrieve().toBodilessEntity();
    String invoice = createInvoice(api, customer, "O-" + run, today);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(api, invoice).equals("SENT"));

    JsonNode dispute = api.post().uri("/api/invoices/{n}/objections", invoice).contentType(MediaType.APPLICATION_JSON)
        .body("{\"disputedAmount\":\"250.00\",\"reason\":\"Two of the four hours were not worked\",\"raisedBy\":\"CUSTOMER\"}")
        .retrieve().body(JsonNode.class);
    assertThat(dispute.get("status").asText()).isEqualTo("OPEN");
    JsonNode held = invoice(api, invoice);
    assertThat(held.get("disputedAmount").decimalValue()).isEqualByComparingTo("250.00");
    assertThat(held.get("dispute").get("deadline").asText()).isEqualTo(today.plusDays(14).toString());

    advance(api, "P3D");
    await().atMost(Duration.ofSeconds(30)).until(() -> hasMailWithSubject("invändning mot faktura " + invoice));
    MimeMessage nudge = mailWithSubject("invändning mot faktura " + invoice);
    assertThat(nudge.getAllRecipients()[0].toString()).isEqualTo("kundreskontra@exempelbolaget.se");
    // The mail leaves before the nudge job commits: let it finish, as a case handler would not answer that fast.
    await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().executable().count() == 0);

    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(invoice)
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult().getId();
    tasks.complete(taskId, java.util.Map.of("objectionDecision", "ACCEPT_PARTIAL", "creditAmount", 125.0,
        "replyText", "We credit one hour; the other was worked as agreed."));
    await().atMost(Duration.ofSeconds(30)).until(() -> hasMailWithSubject("Din innsigelse mot faktura " + invoice));
    MimeMessage reply = mailWithSubject("Din innsigelse mot faktura " + invoice);
    assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("ola." + run + "@kunde.example");
    assertThat(text(reply)).contains("We credit one hour").contains("1\u00a0125,00 SEK");
    JsonNode answered = invoice(api, invoice);
    assertThat(answered.get("dispute").get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(answered.get("openAmount").decimalValue()).isEqualByComparingTo("1125.00");
    assertThat(events(answered)).contains("OBJECTION_RAISED", "OBJECTION_NUDGE", "CREDIT_NOTE", "OBJECTION_ANSWERED");
  }

  @Test
  void theMonthIsClosedWithoutDifferencesAndItsLedgerGoesToTheAccountantAsSie() throws Exception {
    RestClient api = adminApi();
    String run = UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = today(api);
    reopenIfClosed(api, java.time.YearMonth.from(today).toString());
    String customer = "LG-" + run;
    api.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).body("""
        {"customerNumber":"%s","name":"Åsa Öberg","type":"PRIVATE","priority":false,"country":"SE",
         "email":"asa.%s@kund.example","address":{"street":"Kungsgatan 5","postalCode":"411 19","city":"Göteborg"},
         "reminderFeeAgreed":true}""".formatted(customer, run)).retrieve().toBodilessEntity();
    String paidOver = createInvoice(api, customer, "L1-" + run, today);
    String credited = createInvoice(api, customer, "L2-" + run, today);
    pay(api, paidOver, "1300.00", "TX-L1-" + run);
    api.post().uri("/api/invoices/{n}/credit-notes", credited).contentType(MediaType.APPLICATION_JSON)
        .body("{\"amount\":\"250.00\",\"reason\":\"One hour less\"}").retrieve().toBodilessEntity();
    api.post().uri("/api/invoices/{n}/refunds", paidOver).contentType(MediaType.APPLICATION_JSON)
        .body("{\"reason\":\"Paid back\"}").retrieve().toBodilessEntity();
    JsonNode ledger = api.get().uri("/api/invoices/{n}/ledger", credited).retrieve().body(JsonNode.class);
    assertThat(ledger.get("receivablesBalance").decimalValue()).isEqualByComparingTo("1000.00");

    String period = java.time.YearMonth.from(today).toString();
    JsonNode close = api.post().uri("/api/month-end-closes").contentType(MediaType.APPLICATION_JSON)
        .body("{\"period\":\"" + period + "\"}").retrieve().body(JsonNode.class);
    assertThat(close.get("status").asText()).as(close.toString()).isEqualTo("NO_DIFFERENCES");
    JsonNode sek = close.get("figures").get(0);
    assertThat(sek.get("ledgerReceivables").decimalValue()).isEqualByComparingTo(sek.get("openInvoices").decimalValue());
    assertThat(sek.get("agingTotal").decimalValue())
        .isEqualByComparingTo(sek.get("ledgerReceivablesAtPeriodEnd").decimalValue());

    byte[] sie = api.get().uri("/api/ledger/sie?period={p}", period).retrieve().body(byte[].class);
    String text = new String(sie, java.nio.charset.Charset.forName("IBM437"));
    assertThat(text).startsWith("#FLAGGA 0\r\n").contains("#FORMAT PC8\r\n", "#SIETYP 4\r\n",
        "#KONTO 1510 \"Kundfordringar\"", "\"Faktura " + credited + ", kund " + customer + "\"");
    java.math.BigDecimal verSum = null;
    int verifications = 0;
    for (String line : text.split("\r\n")) {
      if (line.startsWith("#VER")) {
        verifications++;
      } else if (line.equals("{")) {
        verSum = java.math.BigDecimal.ZERO;
      } else if (line.startsWith("#TRANS")) {
        verSum = verSum.add(new java.math.BigDecimal(line.split(" ")[3]));
      } else if (line.equals("}")) {
        assertThat(verSum).as("verification " + verifications + " balances").isEqualByComparingTo("0");
      }
    }
    assertThat(verifications).as("at least our 2 invoices, payment, credit note, refund").isGreaterThanOrEqualTo(5);
  }

  /**
   * Another scenario's simulated months may have let the monthly close timer close this month before the clock went
   * back to today: finance reopens it, as for a correction, so that today's bookings go into it.
   */
  private void reopenIfClosed(RestClient api, String period) {
    JsonNode closes = api.get().uri("/api/month-end-closes?period={p}", period).retrieve().body(JsonNode.class);
    for (JsonNode close : closes) {
      if (close.get("reopenedAt").isNull()
          && (!close.get("closedAt").isNull() || "REVIEWED".equals(close.get("status").asText()))) {
        api.post().uri("/api/month-end-closes/{id}/reopen", close.get("id").asLong())
            .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"The simulation clock went back\"}")
            .retrieve().toBodilessEntity();
        return;
      }
    }
  }

  private String createInvoice(RestClient api, String customer, String number, LocalDate today) {
    JsonNode created = api.post().uri("/api/invoices").contentType(MediaType.APPLICATION_JSON).body("""
        {"invoiceNumber":"%s","customerNumber":"%s","issueDate":"%s","dueDate":"%s","currency":"SEK",
         "lines":[{"description":"Städning kontor","quantity":4,"unitPrice":"250.00","vatRate":25,"orderReference":"PO-9"}]}"""
        .formatted(number, customer, today, today.plusDays(30))).retrieve().body(JsonNode.class);
    assertThat(created.get("totalAmount").decimalValue()).isEqualByComparingTo("1250.00");
    return number;
  }

  private JsonNode pay(RestClient api, String invoiceNumber, String amount, String transaction) {
    String reference = invoice(api, invoiceNumber).get("paymentReference").asText();
    return api.post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).body("""
        {"paymentReference":"%s","amount":"%s","currency":"SEK","paidAt":"%s","bankTransactionId":"%s"}"""
        .formatted(reference, amount, LocalDate.now(ZoneId.of("Europe/Stockholm")), transaction))
        .retrieve().body(JsonNode.class);
  }

  private RestClient adminApi() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", adminPassword())).build();
  }

  /** Today on the simulation clock, in Fordra's zone. */
  private LocalDate today(RestClient api) {
    return LocalDate.ofInstant(java.time.Instant.parse(clock(api).get("now").asText()), ZoneId.of("Europe/Stockholm"));
  }

  private void advance(RestClient api, String period) {
    api.post().uri("/api/simulation/clock").contentType(MediaType.APPLICATION_JSON)
        .body("{\"advance\":\"" + period + "\"}").retrieve().toBodilessEntity();
  }

  private JsonNode clock(RestClient api) {
    return api.get().uri("/api/simulation/clock").retrieve().body(JsonNode.class);
  }

  private JsonNode invoice(RestClient api, String number) {
    return api.get().uri("/api/invoices/{n}", number).retrieve().body(JsonNode.class);
  }

  private String status(RestClient api, String number) {
    return invoice(api, number).get("status").asText();
  }

  private static List<String> events(JsonNode invoice) {
    List<String> types = new ArrayList<>();
    invoice.get("events").forEach(e -> types.add(e.get("type").asText()));
    return types;
  }

  private boolean hasMailWithSubject(String part) {
    return Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> subject(m).contains(part));
  }

  private MimeMessage mailWithSubject(String part) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no mail with subject containing '" + part + "'"));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] attachment(MimeMessage message, String fileName) throws Exception {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (fileName.equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no attachment " + fileName);
  }

  private static String text(MimeMessage message) throws Exception {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart inner) {
        return inner.getBodyPart(0).getContent().toString();
      }
    }
    throw new AssertionError("no text part");
  }
}
