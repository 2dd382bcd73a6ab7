package io.fordra.avtalegiro;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.Payment;
import io.fordra.payment.file.OcrGiroFile;
import io.fordra.payment.file.PaymentInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Norwegian bank files through the inboxes: a Nets OCR giro file in the payments inbox pays a NOK invoice by its KID
 * (booked, in the ledger), an unknown KID waits to be matched by hand; AvtaleGiro agreement information in the
 * AvtaleGiro inbox makes and cancels the payer's AVTALEGIRO mandate, the same file twice changes nothing. Run on H2
 * and on PostgreSQL.
 */
abstract class NorwegianBankFilesScenario extends ProcessTestSupport {

  static final String PAYMENTS_INBOX = "target/nets-payments-inbox-test";
  static final String AVTALEGIRO_INBOX = "target/nets-avtalegiro-inbox-test";

  @Autowired PaymentInbox paymentInbox;
  @Autowired AvtaleGiroInbox avtaleGiroInbox;
  @Autowired JdbcClient jdbc;

  @Test
  void anOcrGiroFileInThePaymentsInboxPaysTheInvoiceByItsKid_anUnknownKidWaitsForAPerson() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.NO, false, false), Currency.NOK);
    executeDueJobs();
    Path inbox = fresh(PAYMENTS_INBOX);
    byte[] file = new OcrGiroFile().settlement(LocalDate.of(2026, 3, 20)).assignment()
        .payment("15", invoice.paymentReference(), 125000)                // AvtaleGiro debit of the whole 1 250.00
        .payment("10", "99999999999", 41000, "975960160", "99991005524", null)
        .endAssignment().build();
    Files.write(inbox.resolve("OCR.D200326.txt"), file);

    assertThat(paymentInbox.poll()).singleElement().asString().startsWith("OCR.D200326.txt: payment file ");
    executeDueJobs();

    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(invoice).paidAmount()).isEqualByComparingTo("1250.00");
    Payment paid = payments.forInvoice(invoice.id()).stream().findFirst().orElseThrow();
    assertThat(paid.bankTransactionId()).isEqualTo("NETS001008566-0001001-0000001");
    assertThat(paid.paidAt()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_ledger_entry WHERE payment_id = ? AND currency = 'NOK'")
        .param(paid.id()).query(Integer.class).single()).isOne();
    Map<String, Object> unknown = jdbc.sql("SELECT status, note, payer_account FROM fordra_payment WHERE "
        + "bank_transaction_id = 'NETS001008566-0001001-0000002-975960160'").query().singleRow();
    assertThat(unknown.get("status")).isEqualTo("UNMATCHED");
    assertThat((String) unknown.get("note")).contains("Unknown reference 99999999999");
    assertThat(Files.exists(inbox.resolve("processed/OCR.D200326.txt"))).isTrue();

    // The same file again books nothing twice.
    Files.write(inbox.resolve("OCR.D200326.txt"), file);
    assertThat(paymentInbox.poll()).singleElement().asString().contains("received before");
    assertThat(reload(invoice).paidAmount()).isEqualByComparingTo("1250.00");

    // The payer pays the paid invoice again (another transaction of another day): kept as the invoice's credit,
    // in the ledger (paid 2 500.00 of 1 250.00), the invoice stays PAID.
    Files.write(inbox.resolve("OCR.D210326.txt"), new OcrGiroFile().settlement(LocalDate.of(2026, 3, 21))
        .assignmentsAfter(1002).assignment().payment("10", invoice.paymentReference(), 125000).endAssignment().build());
    assertThat(paymentInbox.poll()).singleElement().asString().startsWith("OCR.D210326.txt: payment file ");
    executeDueJobs();
    Invoice twice = reload(invoice);
    assertThat(twice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(twice.paidAmount()).isEqualByComparingTo("2500.00");
    assertThat(twice.creditBalance()).isEqualByComparingTo("1250.00");
    assertThat(payments.forInvoice(invoice.id())).extracting(Payment::bankTransactionId)
        .containsExactlyInAnyOrder("NETS001008566-0001001-0000001", "NETS001008566-0001003-0000001");
  }

  @Test
  void aTruncatedOcrGiroFileIsRejectedWhole() throws Exception {
    Path inbox = fresh(PAYMENTS_INBOX);
    String text = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment().text();
    Files.writeString(inbox.resolve("cut.txt"), text.substring(0, text.indexOf("NY000089")),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(paymentInbox.poll()).singleElement().asString().contains("rejected");
    assertThat(Files.readString(inbox.resolve("rejected/cut.txt.problems.txt"))).contains("cut short");
  }

  @Test
  void agreementInformationMakesAnActiveAvtaleGiroMandate_cancelsIt_andKeepsAsideAnUnknownKid() throws Exception {
    CustomerRequest ola = customer(CustomerType.PRIVATE, Country.NO, false, false);
    Invoice invoice = createInvoice(ola, Currency.NOK);
    CustomerRequest svensson = customer(CustomerType.PRIVATE, Country.SE, false, false);
    Invoice swedish = createInvoice(svensson, Currency.SEK);
    executeDueJobs();
    Path inbox = fresh(AVTALEGIRO_INBOX);
    byte[] file = new OcrGiroFile().agreements(
        new String[] {"1", invoice.paymentReference(), "J"},
        new String[] {"1", "99999999999", "N"},
        new String[] {"1", swedish.paymentReference(), "N"}).build();
    Files.write(inbox.resolve("AG-agreements.txt"), file);

    assertThat(avtaleGiroInbox.poll()).singleElement().asString()
        .contains("3 agreements: 1 mandates created or changed, 0 already so, 2 kept aside");
    Map<String, Object> mandate = mandate(invoice.paymentReference());
    assertThat(mandate.get("customer_number")).isEqualTo(ola.customerNumber());
    assertThat(mandate.get("status")).isEqualTo("ACTIVE");
    assertThat(mandate.get("bank_notifies")).isEqualTo(Boolean.TRUE);
    assertThat(mandate.get("origin")).isEqualTo("BANK");
    assertThat(Files.readString(inbox.resolve("processed/AG-agreements.txt.outcome.txt")))
        .contains("Kept aside: line 4 (KID 99999999999): an agreement for KID 99999999999, which names no customer")
        .contains("who is not Norwegian (SE)");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_mandate WHERE payer_number IN ('99999999999', ?)")
        .param(swedish.paymentReference()).query(Integer.class).single()).isZero();

    // The same file twice changes nothing.
    Files.write(inbox.resolve("AG-agreements.txt"), file);
    assertThat(avtaleGiroInbox.poll()).singleElement().asString().contains("received before");
    assertThat(mandate(invoice.paymentReference()).get("version")).isEqualTo(mandate.get("version"));

    // The payer no longer wants the bank's notice, then deletes the agreement in their bank.
    Files.write(inbox.resolve("AG-changed.txt"), new OcrGiroFile().agreements(
        new String[] {"1", invoice.paymentReference(), "N"}).build());
    Files.write(inbox.resolve("AG-deleted.txt"), new OcrGiroFile().agreements(
        new String[] {"2", invoice.paymentReference(), "N"}, new String[] {"0", invoice.paymentReference(), "N"})
        .build());
    List<String> outcomes = avtaleGiroInbox.poll();
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes).anySatisfy(o -> assertThat(o).startsWith("AG-changed.txt").contains("1 mandates created or "
        + "changed"));
    Map<String, Object> after = mandate(invoice.paymentReference());
    assertThat(after.get("bank_notifies")).isEqualTo(Boolean.FALSE);
    assertThat(after.get("status")).as("deleted, then listed again as active in the same file").isEqualTo("ACTIVE");
    Files.write(inbox.resolve("AG-deleted-2.txt"), new OcrGiroFile().agreements(
        new String[] {"2", invoice.paymentReference(), "N"}).build());
    avtaleGiroInbox.poll();
    assertThat(mandate(invoice.paymentReference()).get("status")).isEqualTo("CANCELLED");
  }

  @Test
  void aCorruptAgreementFileIsRejectedWhole_nothingApplied() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.NO, false, false), Currency.NOK);
    executeDueJobs();
    Path inbox = fresh(AVTALEGIRO_INBOX);
    String text = new OcrGiroFile().agreements(new String[] {"1", invoice.paymentReference(), "J"}).text(2, 5, 0);
    Files.writeString(inbox.resolve("bad.txt"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(avtaleGiroInbox.poll()).singleElement().asString().contains("rejected");
    assertThat(Files.readString(inbox.resolve("rejected/bad.txt.problems.txt")))
        .contains("end record says 2 transactions, the file has 1");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_mandate WHERE payer_number = ?")
        .param(invoice.paymentReference()).query(Integer.class).single()).isZero();
  }

  private Map<String, Object> mandate(String kid) {
    return jdbc.sql("SELECT customer_number, status, bank_notifies, origin, version FROM fordra_mandate "
        + "WHERE scheme = 'AVTALEGIRO' AND payer_number = ?").param(kid).query().singleRow().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
  }

  private static Path fresh(String dir) throws Exception {
    Path path = Path.of(dir);
    FileSystemUtils.deleteRecursively(path);
    return Files.createDirectories(path);
  }
}
