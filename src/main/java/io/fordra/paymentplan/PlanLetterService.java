package io.fordra.paymentplan;

import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.LetterContent;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters about a payment plan or deferral ({@link PlanLetters}), each a PDF in the customer's language stored with
 * the plan's first invoice ({@link PaymentPlanView#letterInvoice()}) by {@link DocumentService#issuePlanLetter}. What
 * each says is decided here from the plan; the texts are documents/letters*.properties ("plan.*"), the layout
 * LetterRenderer's. Sending them is invoice-distribution's (customer's channel, like a reminder); it records a
 * PAYMENT_PLAN_LETTER_SENT event and leaves the invoice's status and dunning level alone.
 *
 * <p>Each letter is made once: asking again for the same plan (and instalment) returns the stored letter, so a retried
 * process step neither renders nor stores a second one.
 */
@Component
public class PlanLetterService implements PlanLetters {

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final PaymentPlanProperties properties;
  private final FordraClock clock;

  public PlanLetterService(DocumentService documents, InvoiceService invoices, PaymentPlanProperties properties,
                           FordraClock clock) {
    this.documents = documents;
    this.invoices = invoices;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Instalments: the schedule with each OCR/KID, fee and interest; its payment box is the first instalment's (the
   * "Betala med QR" code of a Swedish seller pays that one). Deferral: the new pay-by date, the amount and the
   * invoice's own OCR/KID.
   */
  @Override
  @Transactional
  public StoredDocument agreed(PaymentPlanView plan) {
    if (plan.kind() == PlanKind.DEFERRAL) {
      LocalDate payBy = Objects.requireNonNull(plan.deferTo(), () -> plan.planNumber() + " has no deferTo");
      return documents.issuePlanLetter(plan.letterInvoice(), DocumentKind.PAYMENT_PLAN, plan.planNumber(),
          content(plan, null), rest(plan), payBy, null);
    }
    if (plan.instalments() == null || plan.instalments().isEmpty()) {
      throw new IllegalStateException(plan.planNumber() + " has no instalments: it is not approved");
    }
    PaymentPlanView.InstalmentView first = plan.instalments().get(0);
    return documents.issuePlanLetter(plan.letterInvoice(), DocumentKind.PAYMENT_PLAN, plan.planNumber(),
        content(plan, null), first.amount(), first.dueDate(), first.paymentReference());
  }

  /** The reason, the invoices, and that follow-up goes on as before; it asks for no payment of its own. */
  @Override
  @Transactional
  public StoredDocument refused(PaymentPlanView plan) {
    return documents.issuePlanLetter(plan.letterInvoice(), DocumentKind.PAYMENT_PLAN_REFUSED, plan.planNumber(),
        content(plan, null), Objects.requireNonNullElse(plan.openAmount(), BigDecimal.ZERO), clock.today(), null);
  }

  /**
   * What is left of instalment {@code number}, its own OCR/KID, and a new pay-by date fordra.payment-plan.grace-period
   * from today; unpaid by then, the plan ends.
   */
  @Override
  @Transactional
  public StoredDocument instalmentReminder(PaymentPlanView plan, int number) {
    PaymentPlanView.InstalmentView late = plan.instalments().stream().filter(i -> i.number() == number).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(plan.planNumber() + " has no instalment " + number));
    BigDecimal paid = late.paidAmount() == null ? BigDecimal.ZERO : late.paidAmount();
    BigDecimal due = late.amount().subtract(paid).max(BigDecimal.ZERO);
    return documents.issuePlanLetter(plan.letterInvoice(), DocumentKind.INSTALMENT_REMINDER,
        plan.planNumber() + "." + number, content(plan, number), due, clock.today().plus(properties.gracePeriod()),
        late.paymentReference());
  }

  /** The plan has ended: what is left of it is due at once, and dunning resumes on the invoices. */
  @Override
  @Transactional
  public StoredDocument broken(PaymentPlanView plan) {
    return documents.issuePlanLetter(plan.letterInvoice(), DocumentKind.PAYMENT_PLAN_BROKEN, plan.planNumber(),
        content(plan, null), rest(plan), clock.today(), null);
  }

  /** The plan as the letter shows it: the covered invoices as they stand now, the agreed figures as the plan has them. */
  private LetterContent.Plan content(PaymentPlanView plan, Integer instalmentNumber) {
    List<LetterContent.CoveredInvoice> covered = withoutPlanFee(plan, plan.invoiceNumbers().stream()
        .map(invoices::get).map(PlanLetterService::covered).toList());
    List<LetterContent.Instalment> instalments = plan.instalments() == null ? List.of()
        : plan.instalments().stream().map(i -> new LetterContent.Instalment(i.number(), i.dueDate(), i.amount(),
            i.paymentReference())).toList();
    return new LetterContent.Plan(plan.planNumber(), plan.kind() == PlanKind.DEFERRAL, covered, plan.openAmount(),
        plan.fee(), total(plan), plan.paidAmount(), plan.interestRuns(), instalments, instalmentNumber, plan.reason());
  }

  /**
   * The agreed plan lists the debt it covers, then its fee: approval books the fee on the first invoice
   * (PlanLifecycle.approve), which then owes it too. Where the invoices' open amounts exceed the plan's debt by just
   * that fee, the first invoice's row is shown without it, so that the rows add up to the debt line above the fee
   * line. Any other difference (a payment since) is shown as it is.
   */
  private static List<LetterContent.CoveredInvoice> withoutPlanFee(PaymentPlanView plan,
                                                                   List<LetterContent.CoveredInvoice> covered) {
    BigDecimal fee = plan.fee() == null ? BigDecimal.ZERO : plan.fee();
    BigDecimal open = covered.stream().map(LetterContent.CoveredInvoice::openAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (fee.signum() <= 0 || plan.openAmount() == null || open.compareTo(plan.openAmount().add(fee)) != 0
        || plan.status() != PlanStatus.RUNNING && plan.status() != PlanStatus.APPROVED) {
      return covered;
    }
    List<LetterContent.CoveredInvoice> rows = new java.util.ArrayList<>(covered);
    LetterContent.CoveredInvoice first = rows.get(0);
    rows.set(0, new LetterContent.CoveredInvoice(first.invoiceNumber(), first.dueDate(),
        first.openAmount().subtract(fee).max(BigDecimal.ZERO)));
    return rows;
  }

  private static LetterContent.CoveredInvoice covered(Invoice invoice) {
    return new LetterContent.CoveredInvoice(invoice.invoiceNumber(), invoice.dueDate(), invoice.openAmount());
  }

  /** openAmount + fee once approved; before (a refusal) what was owed. */
  private static BigDecimal total(PaymentPlanView plan) {
    if (plan.totalAmount() != null) {
      return plan.totalAmount();
    }
    BigDecimal open = plan.openAmount() == null ? BigDecimal.ZERO : plan.openAmount();
    return plan.fee() == null ? open : open.add(plan.fee());
  }

  private static BigDecimal rest(PaymentPlanView plan) {
    BigDecimal paid = plan.paidAmount() == null ? BigDecimal.ZERO : plan.paidAmount();
    return total(plan).subtract(paid).max(BigDecimal.ZERO);
  }
}
