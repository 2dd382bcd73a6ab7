package io.fordra.autogiro;

import io.fordra.customer.Country;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's file of debit orders to the bank of one scheme (Autogiro in Sweden, AvtaleGiro in Norway): every
 * registered order of an invoice to a customer in the scheme's country whose payer has an ACTIVE mandate and whose
 * debit date the bank's cut-off has come to. Orders are claimed in one transaction (REGISTERED -> IN_FILE with the
 * file's name, so that two nodes never put one order in two files) and the file is written after it from what was
 * claimed, atomically (temp file + move) into the scheme's outbox; a file claimed but not written (a crash in
 * between) is written by the next run, with the same name and content. An order that cannot go (no active mandate)
 * waits and is reported once; on its debit date it fails like a failed debit.
 */
abstract class DebitOrderFiles {

  private static final Logger log = LoggerFactory.getLogger(DebitOrderFiles.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  final DebitOrderRepository orders;
  final InvoiceService invoices;
  final FailedDebits failedDebits;
  final FordraClock clock;
  private final TransactionTemplate transaction;
  private final Path outbox;

  DebitOrderFiles(DebitOrderRepository orders, InvoiceService invoices, FailedDebits failedDebits, FordraClock clock,
                  PlatformTransactionManager transactions, String outbox) {
    this.orders = orders;
    this.invoices = invoices;
    this.failedDebits = failedDebits;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.outbox = Path.of(outbox);
  }

  /** AUTOGIRO or AVTALEGIRO, as in fordra_mandate. */
  abstract String scheme();

  abstract Country country();

  /** The scheme as people call it, for events and logs. */
  abstract String schemeName();

  /** What the file's name starts with; the rest is the moment it was claimed and a random part. */
  abstract String filePrefix();

  /** Why no file can be written (the payee's numbers not set), or null. */
  abstract String notConfigured();

  /** The earliest debit date a file written today can ask for (the bank's cut-off). */
  abstract LocalDate earliestDebitDate(LocalDate today);

  /** Why the order cannot be in the file (its payer number or reference do not fit), or null. */
  abstract String doesNotFit(String payerNumber, String reference);

  abstract byte[] content(LocalDate today, List<DebitOrderRepository.FileOrder> payments,
                          List<DebitOrderRepository.FileOrder> cancellations);

  /** The payer number as the bank writes it back (Autogiro: without leading zeros). */
  String payerNumberAsStored(String payerNumber) {
    return payerNumber;
  }

  /** Whether the payee's numbers are set (no file is written without them). */
  public boolean configured() {
    return notConfigured() == null;
  }

  /**
   * Writes the day's file, if any order is due or any cancellation waits; returns the files written (also any a
   * crash left claimed but unwritten).
   */
  public List<Path> writeDue() {
    String missing = notConfigured();
    if (missing != null) {
      log.warn("{}: {}; no file is written", schemeName(), missing);
      return List.of();
    }
    LocalDate today = clock.today();
    String name = filePrefix() + clock.now().atZone(clock.zone()).format(STAMP) + "-"
        + UUID.randomUUID().toString().substring(0, 6) + ".txt";
    List<String[]> failing = transaction.execute(s -> claimDue(name, today));
    for (String[] failure : failing) {
      // Each failed debit on its own: one that cannot bounce (e.g. no invoice document) does not hold up the rest.
      try {
        transaction.executeWithoutResult(s -> failedDebits.failed(failure[0], failure[1]));
      } catch (RuntimeException e) {
        log.error("{}: the failed debit of invoice {} could not be recorded; the next run tries again", schemeName(),
            failure[0], e);
      }
    }
    List<Path> written = new ArrayList<>();
    for (String file : orders.unwrittenFiles(filePrefix())) {
      written.add(write(file, today));
    }
    return written;
  }

  /** Claims the due orders and the cancellations into the file; returns the orders that fail (invoice, reason). */
  private List<String[]> claimDue(String fileName, LocalDate today) {
    List<String[]> failing = new ArrayList<>();
    LocalDate earliest = earliestDebitDate(today);
    for (DebitOrderRepository.DebitOrder order : orders.registered(scheme(), country().name(), earliest)) {
      Invoice invoice = invoices.lock(order.invoiceNumber());
      if (invoice.status().isFinal()) {
        withdraw(invoice, invoice.status());
        continue;
      }
      String problem = order.activePayerNumber() == null ? "the payer has no active " + schemeName() + " mandate"
          : doesNotFit(order.activePayerNumber(), order.reference());
      if (problem != null) {
        if (!today.isBefore(order.debitDate())) {
          failing.add(new String[] {invoice.invoiceNumber(), "Not debited on " + order.debitDate() + ": " + problem});
        } else {
          waiting(invoice, order, problem);
        }
        continue;
      }
      LocalDate debitOn = order.debitDate().isBefore(earliest) ? earliest : order.debitDate();
      String payer = payerNumberAsStored(order.activePayerNumber());
      if (orders.claim(order.id(), fileName, payer, order.reference(), debitOn, clock.now())) {
        invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_IN_FILE, invoice.inCurrency(
            order.amount()) + " to be debited on " + debitOn + (debitOn.equals(order.debitDate()) ? ""
            : " (the debit date " + order.debitDate() + " had passed the bank's cut-off)") + " in " + schemeName()
            + " file " + fileName).via("DIRECT_DEBIT", "payer number " + payer));
      }
    }
    for (long id : orders.cancelling(country().name())) {
      orders.claimCancellation(id, fileName, clock.now());
    }
    return failing;
  }

  /** An order that cannot go yet: reported once (on its debit date it fails like a failed debit). */
  private void waiting(Invoice invoice, DebitOrderRepository.DebitOrder order, String problem) {
    if (order.waitingReportedAt() == null) {
      String reason = "Waiting: " + problem + "; the order goes in the " + schemeName() + " file once it can, and "
          + "fails if it still cannot on the debit date " + order.debitDate();
      orders.waitingReported(order.id(), reason, clock.now());
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_WAITING, reason)
          .via("DIRECT_DEBIT", order.customerNumber()));
    }
  }

  /**
   * The invoice is paid, credited or otherwise closed: its debit order is withdrawn if its file has not gone
   * (WITHDRAWN), or cancelled in the next file if the bank has not debited it yet (CANCELLING). Called in the
   * transaction that closes the invoice.
   */
  public void withdraw(Invoice invoice, InvoiceStatus status) {
    var order = orders.forInvoice(scheme(), invoice.id());
    if (order.isEmpty() || !country().name().equals(order.get().country())) {
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
          + invoice.inCurrency(o.amount()) + " on " + o.fileDebitDate() + " (" + schemeName() + " file "
          + o.fileName() + ") is cancelled in the next file: the invoice was " + why)
          .via("DIRECT_DEBIT", o.customerNumber()));
    }
  }

  private Path write(String fileName, LocalDate today) {
    byte[] content = content(today, orders.payments(fileName), orders.cancellations(fileName));
    Path target = outbox.resolve(fileName);
    try {
      Files.createDirectories(outbox);
      Path temp = Files.createTempFile(outbox, "." + fileName, ".tmp");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + schemeName() + " file " + target + "; the next run tries "
          + "again", e);
    }
    transaction.executeWithoutResult(s -> orders.written(fileName, clock.now()));
    log.info("{} file {} written ({} bytes)", schemeName(), target, content.length);
    return target;
  }
}
