package io.fordra.autogiro;

import io.fordra.customer.Country;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.task.WorkingDays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Autogiro payment orders to Bankgirot (issue 19): the day's payment file with a TK82 for every registered debit order
 * of a Swedish invoice whose payer has an ACTIVE Autogiro mandate and whose debit date the bank's cut-off has come to
 * (a file is due at least one banking day before the debit date), and a TK23 cancellation for every order withdrawn
 * after its file went. Orders are claimed in one transaction (REGISTERED -> IN_FILE with the file's name) and the file
 * is written after it from what was claimed, atomically (temp file + move) into fordra.autogiro.outbox; a file
 * claimed but not written (a crash in between) is written by the next run, with the same name and content.
 */
@Service
public class AutogiroPaymentFiles {

  static final String SCHEME = "AUTOGIRO";
  private static final Logger log = LoggerFactory.getLogger(AutogiroPaymentFiles.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final DebitOrderRepository orders;
  private final InvoiceService invoices;
  private final FailedDebits failedDebits;
  private final FordraClock clock;
  private final TransactionTemplate transaction;
  private final Path outbox;
  private final String customerNumber;
  private final String bankgiro;

  public AutogiroPaymentFiles(DebitOrderRepository orders, InvoiceService invoices, FailedDebits failedDebits,
                              FordraClock clock, PlatformTransactionManager transactions,
                              @Value("${fordra.autogiro.outbox:data/autogiro-outbox}") String outbox,
                              @Value("${fordra.autogiro.customer-number:}") String customerNumber,
                              @Value("${fordra.autogiro.bankgiro:}") String bankgiro) {
    this.orders = orders;
    this.invoices = invoices;
    this.failedDebits = failedDebits;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.outbox = Path.of(outbox);
    this.customerNumber = customerNumber == null ? "" : customerNumber.strip();
    this.bankgiro = bankgiro == null ? "" : bankgiro.replace("-", "").strip();
  }

  /** Whether the payee's customer number and bankgiro number are set (no file is written without them). */
  public boolean configured() {
    return customerNumber.matches("[0-9]{1,6}") && bankgiro.matches("[0-9]{7,10}");
  }

  /**
   * Writes the day's payment file, if any order is due or any cancellation waits; returns the files written (also
   * any a crash left claimed but unwritten).
   */
  public List<Path> writeDue() {
    if (!configured()) {
      log.warn("Autogiro: fordra.autogiro.customer-number and fordra.autogiro.bankgiro are not both set; no payment "
          + "file is written");
      return List.of();
    }
    LocalDate today = clock.today();
    String name = "AUTOGIRO-BET-" + bankgiro + "-" + clock.now().atZone(clock.zone()).format(STAMP) + "-"
        + UUID.randomUUID().toString().substring(0, 6) + ".txt";
    List<String> failing = transaction.execute(s -> claimDue(name, today));
    for (String failure : failing) {
      // Each failed debit on its own: one that cannot bounce (e.g. no invoice document) does not hold up the rest.
      String invoiceNumber = failure.substring(0, failure.indexOf('\n'));
      try {
        transaction.executeWithoutResult(s -> failedDebits.failed(invoiceNumber,
            failure.substring(failure.indexOf('\n') + 1)));
      } catch (RuntimeException e) {
        log.error("Autogiro: the failed debit of invoice {} could not be recorded; the next run tries again",
            invoiceNumber, e);
      }
    }
    List<Path> written = new ArrayList<>();
    for (String file : orders.unwrittenFiles()) {
      written.add(write(file, today));
    }
    return written;
  }

  /**
   * Claims the due orders and the cancellations into the file (one transaction); returns the orders that fail
   * (invoice number, a line break, the reason).
   */
  List<String> claimDue(String fileName, LocalDate today) {
    List<String> failing = new ArrayList<>();
    // The earliest debit date a file written today can ask for: the next banking day.
    LocalDate earliest = WorkingDays.plus(today.plusDays(1), 0, Country.SE);
    for (DebitOrderRepository.DebitOrder order : orders.registered(SCHEME, Country.SE.name(), earliest)) {
      Invoice invoice = invoices.lock(order.invoiceNumber());
      if (invoice.status().isFinal()) {
        withdraw(invoice, invoice.status());
        continue;
      }
      String problem = order.activePayerNumber() == null ? "the payer has no active Autogiro mandate"
          : !AutogiroPaymentRecords.isPayerNumber(order.activePayerNumber()) ? "the mandate's payer number "
              + order.activePayerNumber() + " is not 1 to 16 digits"
          : !AutogiroPaymentRecords.isReference(order.reference()) ? "the reference " + order.reference()
              + " is longer than the 16 characters of a payment record" : null;
      if (problem != null) {
        if (!today.isBefore(order.debitDate())) {
          failing.add(invoice.invoiceNumber() + "\nNot debited on " + order.debitDate() + ": " + problem);
        } else {
          waiting(invoice, order, problem);
        }
        continue;
      }
      LocalDate debitOn = order.debitDate().isBefore(earliest) ? earliest : order.debitDate();
      // Stored as the bank writes it back (no leading zeros), so that its results find the order.
      String payer = order.activePayerNumber().replaceFirst("^0+(?=.)", "");
      if (orders.claim(order.id(), fileName, payer, order.reference(), debitOn, clock.now())) {
        invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_IN_FILE, invoice.inCurrency(
            order.amount()) + " to be debited on " + debitOn + (debitOn.equals(order.debitDate()) ? ""
            : " (the debit date " + order.debitDate() + " had passed the bank's cut-off)") + " in Autogiro payment "
            + "file " + fileName).via("DIRECT_DEBIT", "payer number " + order.activePayerNumber()));
      }
    }
    for (long id : orders.cancelling()) {
      orders.claimCancellation(id, fileName, clock.now());
    }
    return failing;
  }

  /** An order that cannot go yet: reported once (on its debit date it fails like a failed debit). */
  private void waiting(Invoice invoice, DebitOrderRepository.DebitOrder order, String problem) {
    if (order.waitingReportedAt() == null) {
      String reason = "Waiting: " + problem + "; the order goes in the payment file once it can, and fails if it "
          + "still cannot on the debit date " + order.debitDate();
      orders.waitingReported(order.id(), reason, clock.now());
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_WAITING, reason)
          .via("DIRECT_DEBIT", order.customerNumber()));
    }
  }

  /**
   * The invoice is paid or credited: its debit order is withdrawn if its file has not gone (WITHDRAWN), or cancelled
   * in the next file (TK23) if the bank has not debited it yet. Called in the transaction that closes the invoice.
   */
  public void withdraw(Invoice invoice, InvoiceStatus status) {
    var order = orders.forInvoice(SCHEME, invoice.id());
    if (order.isEmpty()) {
      return;
    }
    var o = order.get();
    String why = status == InvoiceStatus.CREDITED ? "credited" : status == InvoiceStatus.PAID ? "paid"
        : "closed as " + status;
    if (orders.move(o.id(), List.of("REGISTERED"), "WITHDRAWN", "Withdrawn: the invoice was " + why, clock.now())) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_WITHDRAWN, "The direct debit of "
          + invoice.inCurrency(o.amount()) + " is withdrawn before it went to the bank: the invoice was " + why)
          .via("DIRECT_DEBIT", o.customerNumber()));
    } else if ("IN_FILE".equals(o.status()) && o.fileDebitDate() != null && o.fileDebitDate().isAfter(clock.today())
        && orders.move(o.id(), List.of("IN_FILE"), "CANCELLING", "Cancelled: the invoice was " + why, clock.now())) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_WITHDRAWN, "The direct debit of "
          + invoice.inCurrency(o.amount()) + " on " + o.fileDebitDate() + " (payment file " + o.fileName()
          + ") is cancelled in the next payment file: the invoice was " + why).via("DIRECT_DEBIT", o.customerNumber()));
    }
  }

  private Path write(String fileName, LocalDate today) {
    byte[] content = AutogiroPaymentRecords.file(today, customerNumber, bankgiro, orders.payments(fileName),
        orders.cancellations(fileName));
    Path target = outbox.resolve(fileName);
    try {
      Files.createDirectories(outbox);
      Path temp = Files.createTempFile(outbox, "." + fileName, ".tmp");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Autogiro payment file " + target + "; the next run tries again", e);
    }
    transaction.executeWithoutResult(s -> orders.written(fileName, clock.now()));
    log.info("Autogiro payment file {} written ({} bytes)", target, content.length);
    return target;
  }
}
