package io.fordra.autogiro;

import io.fordra.customer.Country;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.task.WorkingDays;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * AvtaleGiro claims to Nets (issue 19): the day's claim file (AvtaleGiroClaimRecords) for the registered debit orders
 * of Norwegian invoices whose payer has an ACTIVE AvtaleGiro agreement, in fordra.avtalegiro.outbox, with the payer's
 * choice of notice (the mandate's bank_notifies: the bank notifies, else Fordra's own notice). A claim goes
 * fordra.avtalegiro.lead-days Norwegian working days before its due date (check the deadline in your agreement with
 * Nets: claims with the bank's notice must reach Nets earlier than those the payee notifies of). The results come
 * back as KID payments in the OCR Giro file and are matched like every payment; the order is then DEBITED.
 */
@Service
public class AvtaleGiroClaimFiles extends DebitOrderFiles {

  static final String SCHEME = "AVTALEGIRO";

  private final String dataSender;
  private final String account;
  private final int leadDays;

  public AvtaleGiroClaimFiles(DebitOrderRepository orders, InvoiceService invoices, FailedDebits failedDebits,
                              FordraClock clock, PlatformTransactionManager transactions,
                              @Value("${fordra.avtalegiro.outbox:data/avtalegiro-outbox}") String outbox,
                              @Value("${fordra.avtalegiro.data-sender:}") String dataSender,
                              @Value("${fordra.avtalegiro.account:}") String account,
                              @Value("${fordra.avtalegiro.lead-days:4}") int leadDays) {
    super(orders, invoices, failedDebits, clock, transactions, outbox);
    this.dataSender = dataSender == null ? "" : dataSender.strip();
    this.account = account == null ? "" : account.replace(".", "").replace(" ", "").strip();
    if (leadDays < 1) {
      throw new IllegalArgumentException("fordra.avtalegiro.lead-days must be at least 1");
    }
    this.leadDays = leadDays;
  }

  @Override
  String scheme() {
    return SCHEME;
  }

  @Override
  Country country() {
    return Country.NO;
  }

  @Override
  String schemeName() {
    return "AvtaleGiro";
  }

  @Override
  String filePrefix() {
    return "AVTALEGIRO-KRAV-" + account + "-";
  }

  @Override
  String notConfigured() {
    return dataSender.matches("[0-9]{1,8}") && account.matches("[0-9]{11}") ? null
        : "fordra.avtalegiro.data-sender (1-8 digits) and fordra.avtalegiro.account (11 digits) are not both set";
  }

  @Override
  LocalDate earliestDebitDate(LocalDate today) {
    return WorkingDays.plus(today, leadDays, Country.NO);
  }

  @Override
  String doesNotFit(String payerNumber, String reference) {
    return AvtaleGiroClaimRecords.isKid(reference) ? null : "the invoice's KID " + reference + " is not 2 to 25 digits";
  }

  /**
   * The transmission number: from the file's first order, so that a file written again has the same number and two
   * files never share one (an order is in one file; a file of cancellations only counts odd).
   */
  @Override
  byte[] content(LocalDate today, List<DebitOrderRepository.FileOrder> payments,
                 List<DebitOrderRepository.FileOrder> cancellations) {
    long first = payments.isEmpty() ? cancellations.get(0).id() * 2 + 1 : payments.get(0).id() * 2;
    int transmission = (int) (first % 10_000_000);
    return AvtaleGiroClaimRecords.file(dataSender, account, transmission, claims(payments.stream()),
        claims(cancellations.stream()));
  }

  /**
   * A payment was booked on the invoice: AvtaleGiro's debits come back as KID payments in the OCR Giro file, so an
   * order in a claim file whose due date has come is DEBITED by it (a payment before the due date is the payer's
   * own, and the claim is cancelled when the invoice closes).
   */
  public void paid(String invoiceNumber) {
    var invoice = invoices.get(invoiceNumber);
    var order = orders.forInvoice(SCHEME, invoice.id());
    if (order.isEmpty() || !"IN_FILE".equals(order.get().status()) || !"NO".equals(order.get().country())
        || order.get().fileDebitDate() == null || order.get().fileDebitDate().isAfter(clock.today())) {
      return;
    }
    if (orders.move(order.get().id(), List.of("IN_FILE"), "DEBITED", null, clock.now())) {
      invoices.record(invoice, io.fordra.invoice.InvoiceEvent.of(io.fordra.invoice.InvoiceEventType
          .DIRECT_DEBIT_DEBITED, "Debited by AvtaleGiro (claim due " + order.get().fileDebitDate() + ", paid by KID)")
          .via("DIRECT_DEBIT", order.get().customerNumber()));
    }
  }

  private static List<AvtaleGiroClaimRecords.Claim> claims(Stream<DebitOrderRepository.FileOrder> orders) {
    return orders.map(o -> new AvtaleGiroClaimRecords.Claim(o.debitDate(), o.amount(), o.reference(), o.payerName(),
        "FORDRA-" + o.id(), o.bankNotifies())).toList();
  }
}
