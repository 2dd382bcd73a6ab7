package io.fordra.autogiro;

import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.file.BankPayment;
import io.fordra.payment.file.DirectDebitResultFile;
import io.fordra.payment.file.ParsedPaymentFile;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bank's Autogiro payment specification, received like every payment file (PaymentFileService): its approved
 * debits are payments referencing the invoice's OCR number, matched and booked like BgMax payments (a debit of an
 * invoice already paid is booked the way every payment to a paid invoice is: as an overpayment, a credit balance);
 * failed debits fail their order and go to the failed-debit bounce (reserve channel, dunning as usual). What names no
 * order is kept aside: a payment by its reference (or for matching by hand), a failure as a remark of the file.
 */
@Component
class AutogiroPaymentResults implements DirectDebitResultFile {

  private final DebitOrderRepository orders;
  private final InvoiceService invoices;
  private final FailedDebits failedDebits;
  private final FordraClock clock;
  private final AutogiroProperties properties;

  AutogiroPaymentResults(DebitOrderRepository orders, InvoiceService invoices, FailedDebits failedDebits,
                         FordraClock clock, AutogiroProperties properties) {
    this.orders = orders;
    this.invoices = invoices;
    this.failedDebits = failedDebits;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Why a result is not Fordra's to book (null: it is): it names another payee's bankgiro than Fordra's
   * (fordra.autogiro.bankgiro), or, with none configured, than the file's opening record.
   */
  private String notOurs(AutogiroPaymentSpecification.Parsed file, AutogiroPaymentSpecification.Result r) {
    String ours = properties.bankgiroDigits().isEmpty() ? digits(file.bankgiro()) : properties.bankgiroDigits();
    String theirs = digits(r.bankgiro());
    return theirs.equals(ours) ? null : "the debit is for payee bankgiro " + theirs + ", not Fordra's " + ours
        + ": kept aside for a person";
  }

  private static String digits(String bankgiro) {
    return bankgiro == null ? "" : bankgiro.strip().replaceFirst("^0+(?=.)", "");
  }

  @Override
  public boolean reads(String head) {
    return AutogiroPaymentSpecification.isPaymentSpecification(head);
  }

  @Override
  public ParsedPaymentFile read(byte[] content) {
    AutogiroPaymentSpecification.Parsed file = AutogiroPaymentSpecification.parse(content);
    List<BankPayment> payments = new ArrayList<>();
    List<ParsedPaymentFile.Aside> aside = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (AutogiroPaymentSpecification.Result r : file.results()) {
      String notOurs = notOurs(file, r);
      if (notOurs != null) {
        aside.add(new ParsedPaymentFile.Aside(r.location(), ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE, r.amount(),
            "SEK", transactionId(file, r), "Payer number " + r.payerNumber() + " (reference " + r.reference() + "): "
            + notOurs));
      } else if (r.approved()) {
        payments.add(new BankPayment(transactionId(file, r), r.amount(), "SEK", r.paymentDate(),
            r.reference().isEmpty() ? List.of() : List.of(r.reference()), "Autogiro payer number " + r.payerNumber(),
            null, null, r.location()));
        total = total.add(r.amount());
      } else {
        aside.add(new ParsedPaymentFile.Aside(r.location(), ParsedPaymentFile.Aside.Outcome.SKIPPED, r.amount(),
            "SEK", transactionId(file, r), "Not debited from payer number " + r.payerNumber() + " (reference "
            + r.reference() + "): " + r.status()));
      }
    }
    for (AutogiroPaymentSpecification.Other o : file.others()) {
      aside.add(new ParsedPaymentFile.Aside("line " + o.line(), o.type().equals("77")
          ? ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE : ParsedPaymentFile.Aside.Outcome.SKIPPED, o.amount(), "SEK",
          null, o.type().equals("77") ? "a refund to the payer (TK77): money out, for a person to book"
          : "an outgoing payment (TK32), not a payment to Fordra"));
    }
    return new ParsedPaymentFile(ParsedPaymentFile.Format.AUTOGIRO, file.bankgiro().replaceFirst("^0+(?=.)", ""),
        payments, total, aside, List.of());
  }

  /** Unique across files: the same debit reported twice is a duplicate, booked once. */
  private static String transactionId(AutogiroPaymentSpecification.Parsed file,
                                      AutogiroPaymentSpecification.Result r) {
    return "AUTOGIRO-" + file.bankgiro().strip() + "-" + r.payerNumber() + "-" + r.paymentDate() + "-"
        + r.reference() + "-" + r.amount().movePointRight(2).toPlainString();
  }

  @Override
  public List<String> received(byte[] content) {
    AutogiroPaymentSpecification.Parsed file = AutogiroPaymentSpecification.parse(content);
    List<String> remarks = new ArrayList<>();
    for (AutogiroPaymentSpecification.Result r : file.results()) {
      if (notOurs(file, r) != null) {
        continue;   // kept aside by read(): no order of Fordra's is touched
      }
      var order = orders.sent(AutogiroPaymentFiles.SCHEME, r.payerNumber(), r.reference());
      String what = "Payer number " + r.payerNumber() + ", reference " + r.reference() + ", "
          + r.amount().toPlainString() + " SEK on " + r.paymentDate() + " (" + r.location() + ")";
      if (order.isEmpty()) {
        remarks.add(what + ": no debit order was sent with this payer number and reference; "
            + (r.approved() ? "the payment is booked by its reference, or kept for matching by hand"
            : "kept aside: " + r.status()));
        continue;
      }
      var o = order.get();
      Invoice invoice = invoices.lock(o.invoiceNumber());
      if (r.retried()) {
        remarks.add(what + ": " + r.status());
      } else if (r.approved()) {
        if (invoice.status() == InvoiceStatus.PAID || invoice.isSettled()) {
          remarks.add(what + ": invoice " + invoice.invoiceNumber() + " was already paid; the debit is booked as an "
              + "overpayment (credit balance) for finance to refund");
        }
        if (orders.move(o.id(), List.of("IN_FILE", "CANCELLING", "CANCELLED"), "DEBITED", null, clock.now())) {
          invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_DEBITED, "Debited "
              + invoice.inCurrency(r.amount()) + " on " + r.paymentDate() + " by Autogiro")
              .via("DIRECT_DEBIT", "payer number " + r.payerNumber()));
        }
      } else if (List.of("IN_FILE", "CANCELLING", "CANCELLED").contains(o.status())) {
        failedDebits.failed(invoice.invoiceNumber(), "Autogiro: " + r.status());
      } else {
        remarks.add(what + ": not debited (" + r.status() + "), but the order is " + o.status()
            + " already; nothing more is done");
      }
    }
    return remarks;
  }
}
