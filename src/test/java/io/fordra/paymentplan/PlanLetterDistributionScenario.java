package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.MailParts;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.document.paynow.QrDecoder;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.InvoiceDistribution;
import io.fordra.reference.PaymentReferences;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A plan's letter on its way: made by the {@link PlanLetters} bean, sent through invoice-distribution (business key
 * the plan's first invoice, as payment-plan.bpmn's call activity starts it) to the customer's e-mail, written to the
 * test outbox as .eml. The invoice's status and dunning level stay as they were; the sending is an invoice event.
 * Run on H2 ({@link H2PlanLetterDistributionTest}) and PostgreSQL ({@link PostgresPlanLetterDistributionTest}).
 */
abstract class PlanLetterDistributionScenario extends ProcessTestSupport {

  @Autowired private PlanLetters letters;
  @Autowired private DocumentService documents;

  @Test
  void theAgreedPlanGoesByEmailWithItsPdfAndTheFirstInstalmentsCodeAndLeavesTheInvoiceAsItWas() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs(); // the invoice itself goes out
    Invoice before = reload(invoice);
    assertThat(before.status()).isEqualTo(InvoiceStatus.SENT);
    String first = PaymentReferences.swedishOcr("9100000001");
    String second = PaymentReferences.swedishOcr("9100000002");
    // 1 250.00 open + 170.00 fee = 1 420.00 in two instalments of 710.00.
    PaymentPlanView plan = new PaymentPlanView(9001, "PP-9001", invoice.customerNumber(), PlanKind.INSTALMENTS,
        PlanStatus.RUNNING, "SEK", List.of(invoice.invoiceNumber()), new BigDecimal("1250.00"),
        new BigDecimal("170.00"), new BigDecimal("1420.00"), BigDecimal.ZERO, 2, LocalDate.of(2026, 5, 1), null,
        null, true, PlanRequest.RequestedBy.CUSTOMER, "payment-plan-policy", "within policy", null, List.of(
            new PaymentPlanView.InstalmentView(1, LocalDate.of(2026, 5, 1), new BigDecimal("710.00"), first,
                BigDecimal.ZERO, "OPEN"),
            new PaymentPlanView.InstalmentView(2, LocalDate.of(2026, 6, 1), new BigDecimal("710.00"), second,
                BigDecimal.ZERO, "OPEN")));

    StoredDocument letter = letters.agreed(plan);
    ProcessInstance sending = runtime.createProcessInstanceByKey(InvoiceDistribution.KEY)
        .businessKey(plan.letterInvoice())
        .setVariables(Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), plan.letterInvoice())
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), letter.id())
            .putValue(InvoiceDistribution.SEND_ATTEMPT.name(), 1))
        .execute();
    executeDueJobs();

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(sending)
        .hasPassed(InvoiceDistribution.Elements.SEND_EMAIL).isEnded();
    String eml = mail(invoice, "payment-plan.PP-9001");
    assertThat(eml).as("the plan's mail in the outbox").isNotNull();
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(eml.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(message.getSubject()).as("Swedish, the customer's language")
        .isEqualTo("Överenskommelse om betalning av faktura " + invoice.invoiceNumber() + " från Exempelbolaget AB");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(invoice.customerNumber().toLowerCase()
        + "@customer.example");
    List<Part> parts = MailParts.leaves(message);
    String body = parts.stream().filter(p -> isType(p, "text/plain")).map(PlanLetterDistributionScenario::text)
        .findFirst().orElseThrow();
    assertThat(body).startsWith("Hej ").contains("Nästa betalning: 710,00 SEK senast 2026-05-01",
        "och ange OCR " + first, "Varje delbetalning har ett eget OCR-nummer", "betala-med-qr.png");
    Part pdf = parts.stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
    assertThat(pdf.getFileName()).isEqualTo("payment-plan-PP-9001-" + invoice.invoiceNumber() + ".pdf");
    byte[] pdfBytes = pdf.getInputStream().readAllBytes();
    assertThat(pdfBytes).isEqualTo(letter.content());
    assertThat(Letters.pdfText(pdfBytes)).contains("Avbetalningsplan", "PP-9001", first, second,
        "Avgift för avbetalningsplan");
    Part qr = parts.stream().filter(p -> "betala-med-qr.png".equals(fileName(p))).findFirst().orElseThrow();
    JsonNode code = QrDecoder.json(QrDecoder.png(qr.getInputStream().readAllBytes()));
    assertThat(code.get("iref").asText()).as("the first instalment's OCR, not the invoice's").isEqualTo(first);
    assertThat(code.get("due").decimalValue()).isEqualByComparingTo("710.00");

    Invoice after = reload(invoice);
    assertThat(after.status()).as("a plan's letter moves no status").isEqualTo(InvoiceStatus.SENT);
    assertThat(after.dunningLevel()).isEqualTo(before.dunningLevel());
    assertThat(after.remindersSent()).isEqualTo(before.remindersSent());
    assertThat(invoices.events(after)).anyMatch(e -> e.type() == InvoiceEventType.PAYMENT_PLAN_LETTER_SENT
        && e.message().contains(letter.fileName()) && e.message().contains(first) && "EMAIL".equals(e.channel()));
    assertThat(documents.get(letter.id()).isSent()).isTrue();
    // In the invoice hotel beside the invoice's own letters.
    assertThat(call(HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber() + "/documents", null).getBody())
        .contains("\"kind\":\"PAYMENT_PLAN\"").contains(letter.fileName());
    assertThat(documents.forInvoice(after)).extracting(StoredDocument::kind)
        .contains(DocumentKind.INVOICE, DocumentKind.PAYMENT_PLAN);
  }

  private static boolean isType(Part part, String type) {
    try {
      return part.isMimeType(type);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Part part) {
    try {
      return (String) part.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
