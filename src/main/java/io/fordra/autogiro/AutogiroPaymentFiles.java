package io.fordra.autogiro;

import io.fordra.customer.Country;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.task.WorkingDays;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Autogiro payment orders to Bankgirot (issue 19): the day's payment file (AutogiroPaymentRecords: TK01 + a TK82 per
 * order, TK01 + a TK23 per cancellation) in fordra.autogiro.outbox. An order goes in the file at least one Swedish
 * banking day before its debit date (task.WorkingDays: weekends and Swedish public and bank holidays); one whose
 * debit date has passed that cut-off is debited on the next banking day.
 */
@Service
public class AutogiroPaymentFiles extends DebitOrderFiles {

  static final String SCHEME = "AUTOGIRO";

  private final AutogiroProperties properties;
  private final String customerNumber;
  private final String bankgiro;

  public AutogiroPaymentFiles(DebitOrderRepository orders, InvoiceService invoices, FailedDebits failedDebits,
                              FordraClock clock, PlatformTransactionManager transactions,
                              AutogiroProperties properties) {
    super(orders, invoices, failedDebits, clock, transactions, properties.outbox().toString());
    this.properties = properties;
    this.customerNumber = properties.customerNumber();
    this.bankgiro = properties.bankgiroDigits();
  }

  @Override
  String scheme() {
    return SCHEME;
  }

  @Override
  Country country() {
    return Country.SE;
  }

  @Override
  String schemeName() {
    return "Autogiro";
  }

  @Override
  String filePrefix() {
    return "AUTOGIRO-BET-" + bankgiro + "-";
  }

  @Override
  String notConfigured() {
    return properties.configurationProblem();
  }

  /** The next banking day: the file is due a banking day before the debit date. */
  @Override
  LocalDate earliestDebitDate(LocalDate today) {
    return WorkingDays.plus(today.plusDays(1), 0, Country.SE);
  }

  @Override
  String doesNotFit(String payerNumber, String reference) {
    return !AutogiroPaymentRecords.isPayerNumber(payerNumber) ? "the mandate's payer number " + payerNumber
        + " is not 1 to 16 digits" : !AutogiroPaymentRecords.isReference(reference) ? "the reference " + reference
        + " is longer than the 16 characters of a payment record" : null;
  }

  @Override
  String payerNumberAsStored(String payerNumber) {
    return payerNumber.replaceFirst("^0+(?=.)", "");
  }

  @Override
  byte[] content(LocalDate today, List<DebitOrderRepository.FileOrder> payments,
                 List<DebitOrderRepository.FileOrder> cancellations) {
    return AutogiroPaymentRecords.file(today, customerNumber, bankgiro,
        payments.stream().map(DebitOrderRepository.FileOrder::autogiro).toList(),
        cancellations.stream().map(DebitOrderRepository.FileOrder::autogiro).toList());
  }
}
