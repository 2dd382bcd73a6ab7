package io.fordra.paymentplan;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans and deferrals: the door's checks ({@link PaymentPlans}), each step of the payment-plan process
 * ({@link PlanLifecycle}), and the payments counted towards a running plan's instalments.
 *
 * <p>An invoice is in at most one REQUESTED or RUNNING plan: a request locks its invoices (in id order, as payments
 * do) before it looks for another plan, and fordra_payment_plan_hold's key settles it whatever happens. Every step
 * that changes a plan locks its invoices first and the plan's row second, the order a payment takes (it locks the
 * invoice and then, through PaymentBooked, the plan), so the two never wait for each other in a circle.
 */
@Service
public class PaymentPlanService implements PaymentPlans, PlanLifecycle {

  static final int MAX_NOTE = 1000;
  static final int MAX_NAME = 100;
  static final int MAX_REASON = 500;
  static final String OPEN = "OPEN";
  static final String PAID = "PAID";
  static final String LATE = "LATE";

  private final PaymentPlanRepository plans;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final InstalmentSchedule schedule;
  private final InstalmentReferences references;
  private final PaymentPlanProperties properties;
  private final SellerProperties seller;
  private final FordraClock clock;
  private final NaturalKeys naturalKeys;
  private final ApplicationEventPublisher events;

  public PaymentPlanService(PaymentPlanRepository plans, InvoiceService invoices, CustomerService customers,
                            InstalmentSchedule schedule, InstalmentReferences references,
                            PaymentPlanProperties properties, SellerProperties seller, FordraClock clock,
                            NaturalKeys naturalKeys, ApplicationEventPublisher events) {
    this.plans = plans;
    this.invoices = invoices;
    this.customers = customers;
    this.schedule = schedule;
    this.references = references;
    this.properties = properties;
    this.seller = seller;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
    this.events = events;
  }

  // ------------------------------------------------------------------------------------------------ the door

  @Override
  @Transactional
  public PaymentPlanView request(PlanRequest request) {
    Violations violations = new Violations();
    LocalDate today = clock.today();
    if (violations.number("customerNumber", request.customerNumber())
        && customers.find(request.customerNumber()).isEmpty()) {
      violations.add("customerNumber", "no customer " + request.customerNumber());
    }
    violations.required("kind", request.kind());
    violations.required("requestedBy", request.requestedBy());
    violations.optionalText("note", request.note(), MAX_NOTE);
    violations.optionalText("user", request.user(), MAX_NAME);
    List<Invoice> covered = lockedInvoices(request, violations);
    BigDecimal open = openInvoices(covered, request.invoiceNumbers(), violations);
    Set<String> currencies = covered.stream().map(i -> i.currency().name())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (currencies.size() > 1) {
      violations.add("invoiceNumbers", "the invoices are in " + String.join(" and ", currencies)
          + ": a plan is in one currency");
    }
    String currency = currencies.size() == 1 ? currencies.iterator().next() : null;
    LocalDate firstDueDate = null;
    if (request.kind() == PlanKind.INSTALMENTS) {
      firstDueDate = request.firstDueDate() == null ? today.plus(properties.interval()) : request.firstDueDate();
      if (request.deferTo() != null) {
        violations.add("deferTo", "is for a DEFERRAL only");
      }
      checkFirstDueDate(violations, request.firstDueDate(), today);
      checkInstalments(violations, request.instalments(), open, currency, today);
    } else if (request.kind() == PlanKind.DEFERRAL) {
      if (request.instalments() != null) {
        violations.add("instalments", "is for INSTALMENTS only");
      }
      if (request.firstDueDate() != null) {
        violations.add("firstDueDate", "is for INSTALMENTS only");
      }
      int named = request.invoiceNumbers() == null ? 0 : request.invoiceNumbers().size();
      if (named > 1) {
        violations.add("invoiceNumbers", "a deferral is for exactly one invoice, but " + named + " were named");
      }
      checkDeferTo(violations, request.deferTo(), covered.size() == 1 ? covered.get(0) : null, today);
    }
    violations.throwIfAny();

    long id = plans.insert(request.customerNumber(), request.kind(), currency, clock.now(),
        request.kind() == PlanKind.INSTALMENTS ? request.instalments() : null, firstDueDate, request.deferTo(),
        blankToNull(request.note()), request.requestedBy(), blankToNull(request.user()), open,
        properties.interestDuringPlan());
    String number = PaymentPlanView.planNumber(id);
    for (int i = 0; i < covered.size(); i++) {
      Invoice invoice = covered.get(i);
      plans.insertInvoice(id, invoice.id(), i);
      // The invoices are locked and were in no plan; the key still decides should anything have gone around that.
      naturalKeys.claim("Invoice " + invoice.invoiceNumber() + " is already in a requested or running payment plan",
          () -> plans.insertHold(invoice.id(), id));
    }
    String asked = request.kind() == PlanKind.INSTALMENTS
        ? request.instalments() + " instalment(s), the first due " + firstDueDate
        : "a deferral to " + request.deferTo();
    String by = request.requestedBy() == PlanRequest.RequestedBy.CUSTOMER ? "the customer" : "a case handler";
    for (Invoice invoice : covered) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_REQUESTED, "Payment plan " + number
          + " requested by " + by + (request.user() == null || request.user().isBlank() ? "" : " (" + request.user()
          + ")") + ": " + asked + " for " + numbers(covered) + ", open " + invoice.inCurrency(open)));
    }
    events.publishEvent(new PaymentPlanRequested(id, number));
    return view(plans.find(id).orElseThrow());
  }

  /**
   * The named invoices that are the customer's, locked in id order (as payments lock them), in the order named;
   * problems with the names go to violations.
   */
  private List<Invoice> lockedInvoices(PlanRequest request, Violations violations) {
    List<String> numbers = request.invoiceNumbers();
    if (numbers == null || numbers.isEmpty()) {
      violations.add("invoiceNumbers", "name at least one invoice");
      return List.of();
    }
    Map<String, Invoice> found = new LinkedHashMap<>();
    for (int i = 0; i < numbers.size(); i++) {
      String field = "invoiceNumbers[" + i + "]";
      String number = numbers.get(i);
      if (!violations.number(field, number)) {
        continue;
      }
      if (found.containsKey(number)) {
        violations.add(field, "invoice " + number + " is named twice");
        continue;
      }
      // Another customer's invoice is as absent as one that does not exist: a portal user learns nothing of it.
      Optional<Invoice> invoice = invoices.find(number)
          .filter(candidate -> candidate.customerNumber().equals(request.customerNumber()));
      if (invoice.isEmpty()) {
        violations.add(field, "customer " + request.customerNumber() + " has no invoice " + number);
        continue;
      }
      found.put(number, invoice.get());
    }
    Map<Long, Invoice> locked = new java.util.HashMap<>();
    found.values().stream().sorted(Comparator.comparingLong(Invoice::id))
        .forEach(invoice -> locked.put(invoice.id(), invoices.lock(invoice.invoiceNumber())));
    return found.values().stream().map(invoice -> locked.get(invoice.id())).toList();
  }

  /** What the invoices owe now; an invoice that is closed, owes nothing or is in another plan is a violation. */
  private BigDecimal openInvoices(List<Invoice> covered, List<String> named, Violations violations) {
    Map<Long, PaymentPlanRepository.Hold> holds = plans.holds(covered.stream().map(Invoice::id).toList()).stream()
        .collect(Collectors.toMap(PaymentPlanRepository.Hold::invoiceId, h -> h));
    BigDecimal open = BigDecimal.ZERO.setScale(2);
    for (Invoice invoice : covered) {
      String field = "invoiceNumbers[" + named.indexOf(invoice.invoiceNumber()) + "]";
      PaymentPlanRepository.Hold hold = holds.get(invoice.id());
      if (invoice.status().isFinal() || invoice.openAmount().signum() <= 0) {
        violations.add(field, nothingOpen(invoice));
      } else if (hold != null) {
        violations.add(field, "invoice " + invoice.invoiceNumber() + " is already in payment plan "
            + PaymentPlanView.planNumber(hold.planId()) + " (" + hold.status() + ")");
      }
      open = open.add(invoice.openAmount());
    }
    return open;
  }

  /** The first instalment is due today at the earliest and at the latest one interval from today. */
  private void checkFirstDueDate(Violations violations, LocalDate firstDueDate, LocalDate today) {
    if (firstDueDate == null) {
      return;
    }
    LocalDate latest = today.plus(properties.interval());
    if (firstDueDate.isBefore(today)) {
      violations.add("firstDueDate", "must be today (" + today + ") or later, but was " + firstDueDate);
    } else if (firstDueDate.isAfter(latest)) {
      violations.add("firstDueDate", "must be at most fordra.payment-plan.interval (" + properties.interval()
          + ") from today, by " + latest + ", but was " + firstDueDate);
    }
  }

  /** 1 to max-instalments parts, none below the currency's minimum (when what is owed is known). */
  private void checkInstalments(Violations violations, Integer count, BigDecimal open, String currency,
                                LocalDate today) {
    if (!violations.required("instalments", count)) {
      return;
    }
    if (open.signum() > 0 && currency != null) {
      try {
        schedule.split(open, currency, count, today, today);
      } catch (InvalidRequestException e) {
        e.violations().forEach(v -> violations.add(v.field(), v.message()));
      }
    } else if (count < 1 || count > properties.maxInstalments()) {
      violations.add("instalments", "must be 1 to " + properties.maxInstalments() + ", but was " + count);
    }
  }

  /**
   * A deferral's date: after today and after the invoice's due date, and at most max-deferral from the later of the
   * two (what the debtor gains: from the due date while it is ahead, from today once it has passed).
   */
  private void checkDeferTo(Violations violations, LocalDate deferTo, Invoice invoice, LocalDate today) {
    if (!violations.required("deferTo", deferTo)) {
      return;
    }
    if (!deferTo.isAfter(today)) {
      violations.add("deferTo", "must be after today (" + today + "), but was " + deferTo);
    }
    if (invoice == null) {
      return;
    }
    if (!deferTo.isAfter(invoice.dueDate())) {
      violations.add("deferTo", "must be after invoice " + invoice.invoiceNumber() + "'s due date "
          + invoice.dueDate() + ", but was " + deferTo);
    }
    LocalDate latest = deferralBase(invoice, today).plus(properties.maxDeferral());
    if (deferTo.isAfter(latest)) {
      violations.add("deferTo", "must be at most fordra.payment-plan.max-deferral (" + properties.maxDeferral()
          + ") from " + deferralBase(invoice, today) + ", by " + latest + ", but was " + deferTo);
    }
  }

  /** Where a deferral counts from: the invoice's due date, or today once that has passed. */
  private static LocalDate deferralBase(Invoice invoice, LocalDate today) {
    return invoice.dueDate().isAfter(today) ? invoice.dueDate() : today;
  }

  // ------------------------------------------------------------------------------------------------ reading

  @Override
  @Transactional(readOnly = true)
  public Optional<PaymentPlanView> find(long planId) {
    return plans.find(planId).map(this::view);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PaymentPlanView> ofCustomer(String customerNumber) {
    return plans.idsOfCustomer(customerNumber).stream().map(id -> view(plans.find(id).orElseThrow())).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<PaymentPlanView> ofInvoice(String invoiceNumber) {
    return invoices.find(invoiceNumber).map(i -> plans.idsOfInvoice(i.id())).orElse(List.of()).stream()
        .map(id -> view(plans.find(id).orElseThrow())).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PaymentPlanView> currentOf(String invoiceNumber) {
    return invoices.find(invoiceNumber).flatMap(i -> plans.holds(List.of(i.id())).stream().findFirst())
        .flatMap(hold -> plans.find(hold.planId())).map(this::view);
  }

  private PaymentPlanView view(PaymentPlanRepository.Plan plan) {
    List<String> numbers = plans.invoiceIds(plan.id()).stream().map(id -> invoices.byId(id).invoiceNumber()).toList();
    List<PaymentPlanView.InstalmentView> instalments = plans.instalments(plan.id()).stream()
        .map(i -> new PaymentPlanView.InstalmentView(i.number(), i.dueDate(), i.amount(), i.paymentReference(),
            i.paidAmount(), i.status()))
        .toList();
    BigDecimal total = instalments.isEmpty() ? null : instalments.stream()
        .map(PaymentPlanView.InstalmentView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paid = instalments.stream().map(PaymentPlanView.InstalmentView::paidAmount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new PaymentPlanView(plan.id(), plan.number(), plan.customerNumber(), plan.kind(), plan.status(),
        plan.currency(), numbers, plan.openAmount(), plan.fee(), total, paid, plan.requestedInstalments(),
        plan.requestedFirstDueDate(), plan.deferTo(), plan.note(), plan.interestRuns(), plan.requestedBy(),
        plan.decidedBy(), plan.reason(), plan.createdAt(), instalments);
  }

  // ------------------------------------------------------------------------------------------------ the process

  @Override
  @Transactional(readOnly = true)
  public PaymentPlanPolicy.Request policyRequest(long planId) {
    PaymentPlanRepository.Plan plan = plans.find(planId).orElseThrow(() -> notFound(planId));
    List<Invoice> covered = plans.invoiceIds(planId).stream().map(invoices::byId).toList();
    Customer customer = customers.get(plan.customerNumber());
    LocalDate today = clock.today();
    // The furthest step among the invoices (SENT < OVERDUE < REMINDED < COLLECTION_NOTICE_SENT < IN_COLLECTION).
    String step = covered.stream().map(Invoice::status).max(Comparator.naturalOrder()).map(InvoiceStatus::name)
        .orElse(InvoiceStatus.SENT.name());
    boolean instalments = plan.kind() == PlanKind.INSTALMENTS;
    int firstDueInDays = instalments && plan.requestedFirstDueDate() != null
        ? (int) Math.max(0, ChronoUnit.DAYS.between(today, plan.requestedFirstDueDate())) : 0;
    int deferralDays = !instalments && plan.deferTo() != null && !covered.isEmpty()
        ? (int) Math.max(0, ChronoUnit.DAYS.between(deferralBase(covered.get(0), today), plan.deferTo())) : 0;
    return new PaymentPlanPolicy.Request(plan.kind(), customer.type().name(), customer.country().name(), step,
        open(covered), instalments && plan.requestedInstalments() != null ? plan.requestedInstalments() : 0,
        firstDueInDays, deferralDays);
  }

  @Override
  @Transactional
  public PaymentPlanView approve(long planId, Terms terms, String decidedBy, String reason) {
    Locked locked = lock(planId);
    PaymentPlanRepository.Plan plan = locked.plan();
    if (plan.status() == PlanStatus.RUNNING || plan.status() == PlanStatus.PAID
        || plan.status() == PlanStatus.BROKEN) {
      return view(plan); // approved before: a retried step changes nothing
    }
    requireStatus(plan, PlanStatus.REQUESTED, "approved");
    LocalDate today = clock.today();
    Violations violations = new Violations();
    violations.text("decidedBy", decidedBy, MAX_NAME);
    violations.optionalText("reason", reason, MAX_REASON);
    List<Invoice> covered = locked.invoices();
    for (Invoice invoice : covered) {
      if (invoice.status().isFinal() || invoice.openAmount().signum() <= 0) {
        violations.add("invoiceNumbers", nothingOpen(invoice) + " (since the request)");
      }
    }
    BigDecimal owed = open(covered);
    Terms asked = terms == null ? new Terms(null, null, null) : terms;
    Approval approval = plan.kind() == PlanKind.INSTALMENTS
        ? instalments(plan, asked, covered, owed, today, violations)
        : deferral(plan, asked, covered.get(0), owed, today, violations);
    violations.throwIfAny();

    Invoice first = covered.get(0);
    for (Instalment instalment : approval.instalments()) {
      plans.insertInstalment(planId, instalment, plan.kind() == PlanKind.DEFERRAL ? first.paymentReference()
          : references.next());
    }
    if (approval.fee().signum() > 0) {
      invoices.chargeFee(first, approval.fee());
      invoices.record(first, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED, "payment plan fee "
          + first.inCurrency(approval.fee()) + " (payment plan " + plan.number() + ")"));
    }
    plans.approved(planId, approval.fee(), owed, approval.deferTo(), clock.now(), decidedBy.strip(),
        blankToNull(reason));
    String granted = plan.kind() == PlanKind.INSTALMENTS
        ? approval.instalments().size() + " instalment(s) of " + first.inCurrency(owed.add(approval.fee()))
            + " in all, the first due " + approval.instalments().get(0).dueDate() + "; " + approval.feeNote()
        : "pay " + first.inCurrency(owed) + " by " + approval.deferTo() + " (payment reference "
            + first.paymentReference() + ")";
    for (Invoice invoice : covered) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_APPROVED, "Payment plan "
          + plan.number() + " approved by " + decidedBy.strip() + ": " + granted
          + (reason == null || reason.isBlank() ? "" : " — " + reason.strip())
          + "; no reminders, fees or collection while it runs"));
    }
    if (plan.kind() == PlanKind.DEFERRAL) {
      invoices.record(first, InvoiceEvent.of(InvoiceEventType.INVOICE_DEFERRED, "Deferred to " + approval.deferTo()
          + " (payment plan " + plan.number() + "); due date was " + first.dueDate()));
    }
    return view(plans.find(planId).orElseThrow());
  }

  /** What an approval books: its instalments, the fee and why (or why not), and a deferral's date. */
  private record Approval(List<Instalment> instalments, BigDecimal fee, String feeNote, LocalDate deferTo) {}

  private Approval instalments(PaymentPlanRepository.Plan plan, Terms terms, List<Invoice> covered, BigDecimal owed,
                               LocalDate today, Violations violations) {
    int count = terms.instalments() != null ? terms.instalments()
        : plan.requestedInstalments() == null ? 1 : plan.requestedInstalments();
    LocalDate firstDueDate = terms.firstDueDate();
    if (firstDueDate == null) {
      // The date asked for passed while the request waited for its decision: as if none had been asked.
      firstDueDate = plan.requestedFirstDueDate() == null || plan.requestedFirstDueDate().isBefore(today)
          ? today.plus(properties.interval()) : plan.requestedFirstDueDate();
    }
    checkFirstDueDate(violations, firstDueDate, today);
    if (!violations.isEmpty() || owed.signum() <= 0) {
      return new Approval(List.of(), BigDecimal.ZERO, "", null);
    }
    Customer customer = customers.get(plan.customerNumber());
    Country law = customer.country().hasOwnRules() ? customer.country() : seller.country();
    Set<Long> ids = covered.stream().map(Invoice::id).collect(Collectors.toSet());
    List<String> outside = invoices.openOfCustomers(List.of(plan.customerNumber()),
            covered.get(0).currency(), 1000).stream()
        .filter(i -> !ids.contains(i.id()) && i.openAmount().signum() > 0).map(Invoice::invoiceNumber).toList();
    boolean feeBefore = plans.feeChargedBefore(plan.id(), ids);
    BigDecimal fee = schedule.fee(law.name(), outside.isEmpty(), feeBefore);
    String feeNote;
    if (!outside.isEmpty()) {
      feeNote = "no plan fee: the plan does not cover the whole debt (also open: " + String.join(", ", outside) + ")";
    } else if (feeBefore) {
      feeNote = "no plan fee: one was already charged for this debt";
    } else if (fee.signum() > 0 && !plan.currency().equals(law == Country.NO ? "NOK" : "SEK")) {
      feeNote = "no plan fee: the " + law + " fee is in " + (law == Country.NO ? "NOK" : "SEK") + ", the plan in "
          + plan.currency();
      fee = BigDecimal.ZERO.setScale(2);
    } else {
      feeNote = fee.signum() > 0 ? "plan fee " + fee.toPlainString() + " " + plan.currency() + " (" + law + ")"
          : "no plan fee under " + law + " law";
    }
    try {
      return new Approval(schedule.split(owed.add(fee), plan.currency(), count, firstDueDate, today), fee, feeNote,
          null);
    } catch (InvalidRequestException e) {
      e.violations().forEach(v -> violations.add(v.field(), v.message()));
      return new Approval(List.of(), BigDecimal.ZERO, feeNote, null);
    }
  }

  /** A deferral: no fee, one instalment of what is owed, due on the new date, paid with the invoice's own OCR/KID. */
  private Approval deferral(PaymentPlanRepository.Plan plan, Terms terms, Invoice invoice, BigDecimal owed,
                            LocalDate today, Violations violations) {
    LocalDate deferTo = terms.deferTo() != null ? terms.deferTo() : plan.deferTo();
    checkDeferTo(violations, deferTo, invoice, today);
    return new Approval(owed.signum() > 0 && deferTo != null ? List.of(new Instalment(1, deferTo, owed)) : List.of(),
        BigDecimal.ZERO.setScale(2), "no fee for a deferral", deferTo);
  }

  @Override
  @Transactional
  public PaymentPlanView refuse(long planId, String decidedBy, String reason) {
    return endOnce(planId, PlanStatus.REQUESTED, PlanStatus.REFUSED, "refused", locked -> {
      Violations violations = new Violations();
      violations.text("decidedBy", decidedBy, MAX_NAME);
      violations.text("reason", reason, MAX_REASON);
      violations.throwIfAny();
      plans.refused(planId, clock.now(), decidedBy.strip(), reason.strip());
      return InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_REFUSED, "Payment plan " + locked.plan().number()
          + " refused by " + decidedBy.strip() + ": " + reason.strip() + "; follow-up goes on");
    });
  }

  @Override
  @Transactional(readOnly = true)
  public boolean instalmentPaid(long planId, int number) {
    return instalment(planId, number).paid();
  }

  @Override
  @Transactional(readOnly = true)
  public LocalDate dueDate(long planId, int number) {
    return instalment(planId, number).dueDate();
  }

  @Override
  @Transactional
  public void markLate(long planId, int number) {
    Locked locked = lock(planId);
    PaymentPlanRepository.InstalmentRow instalment = instalment(planId, number);
    if (locked.plan().status() != PlanStatus.RUNNING || !OPEN.equals(instalment.status())) {
      return; // paid meanwhile, or already late: nothing to record again
    }
    plans.updateInstalment(planId, number, instalment.paidAmount(), LATE);
    Invoice first = locked.invoices().get(0);
    for (Invoice invoice : locked.invoices()) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.INSTALMENT_LATE, "Instalment " + number
          + " of payment plan " + locked.plan().number() + " (" + first.inCurrency(instalment.amount()) + " due "
          + instalment.dueDate() + ", payment reference " + instalment.paymentReference() + ") is unpaid: "
          + first.inCurrency(instalment.paidAmount()) + " paid"));
    }
  }

  @Override
  @Transactional
  public PaymentPlanView complete(long planId) {
    return endOnce(planId, PlanStatus.RUNNING, PlanStatus.PAID, "completed", locked -> {
      plans.instalments(planId).stream().filter(i -> !i.paid()).findFirst().ifPresent(i -> {
        throw new ConflictException("Payment plan " + locked.plan().number() + " is not paid: instalment "
            + i.number() + " has " + i.paidAmount().toPlainString() + " of " + i.amount().toPlainString() + " paid");
      });
      plans.ended(planId, PlanStatus.PAID, clock.now());
      return InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_PAID, "Payment plan " + locked.plan().number()
          + " paid in full");
    });
  }

  @Override
  @Transactional
  public PaymentPlanView breakPlan(long planId) {
    return endOnce(planId, PlanStatus.RUNNING, PlanStatus.BROKEN, "broken", locked -> {
      String unpaid = plans.instalments(planId).stream().filter(i -> !i.paid())
          .map(i -> String.valueOf(i.number())).collect(Collectors.joining(", "));
      plans.ended(planId, PlanStatus.BROKEN, clock.now());
      return InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_BROKEN, "Payment plan " + locked.plan().number()
          + " broken (unpaid instalment(s) " + unpaid + "): follow-up resumes for what is still open");
    });
  }

  /**
   * A step that ends a plan in status {@code to}, from status {@code from} only; one that has already ended so is
   * returned as it is (a retried step). {@code step} stores the end and says what each covered invoice records; then
   * the invoices are free again and their follow-up hears that the plan ended.
   */
  private PaymentPlanView endOnce(long planId, PlanStatus from, PlanStatus to, String what,
                                  java.util.function.Function<Locked, InvoiceEvent> step) {
    Locked locked = lock(planId);
    PaymentPlanRepository.Plan plan = locked.plan();
    if (plan.status() == to) {
      return view(plan);
    }
    requireStatus(plan, from, what);
    InvoiceEvent event = step.apply(locked);
    plans.releaseHolds(planId);
    locked.invoices().forEach(invoice -> invoices.record(invoice, event));
    events.publishEvent(new PaymentPlanEnded(planId, plan.number(), to,
        locked.invoices().stream().map(Invoice::invoiceNumber).toList()));
    return view(plans.find(planId).orElseThrow());
  }

  // ------------------------------------------------------------------------------------------------ payments

  /**
   * A payment booked on an invoice a running plan covers (by an instalment's OCR/KID or the invoice's own): its
   * amount pays the instalments in order, each up to its amount; what is left once all are paid is not the plan's.
   * Counted once per payment, however often the event comes. In the booking's transaction, which has locked the
   * invoice; the plan's row is locked after it, as every plan step does.
   */
  @EventListener
  public void onPaymentBooked(InvoiceFollowUp.PaymentBooked booked) {
    Optional<Invoice> invoice = invoices.find(booked.invoiceNumber());
    Optional<PaymentPlanRepository.Hold> hold = invoice.flatMap(i -> plans.holds(List.of(i.id())).stream()
        .findFirst()).filter(h -> h.status() == PlanStatus.RUNNING);
    if (hold.isEmpty()) {
      return;
    }
    PaymentPlanRepository.Plan plan = plans.lock(hold.get().planId()).orElseThrow();
    if (plan.status() != PlanStatus.RUNNING || plans.allocated(booked.paymentId())) {
      return;
    }
    BigDecimal amount = plans.paymentAmount(booked.paymentId()).orElse(BigDecimal.ZERO).max(BigDecimal.ZERO);
    BigDecimal rest = amount;
    for (PaymentPlanRepository.InstalmentRow instalment : plans.instalments(plan.id())) {
      BigDecimal missing = instalment.amount().subtract(instalment.paidAmount());
      if (rest.signum() <= 0 || missing.signum() <= 0) {
        continue;
      }
      BigDecimal part = rest.min(missing);
      BigDecimal paid = instalment.paidAmount().add(part);
      plans.updateInstalment(plan.id(), instalment.number(), paid,
          paid.compareTo(instalment.amount()) >= 0 ? PAID : instalment.status());
      rest = rest.subtract(part);
    }
    plans.allocate(booked.paymentId(), plan.id(), amount.subtract(rest), clock.now());
    events.publishEvent(new PlanPaymentReceived(plan.id(), plan.number()));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** A plan locked for a step, with its invoices: these locked first, in id order, as a payment locks them. */
  private record Locked(PaymentPlanRepository.Plan plan, List<Invoice> invoices) {}

  private Locked lock(long planId) {
    List<Long> ids = plans.invoiceIds(planId);
    if (ids.isEmpty()) {
      throw notFound(planId);
    }
    Map<Long, Invoice> locked = new java.util.HashMap<>();
    ids.stream().sorted().forEach(id -> locked.put(id, invoices.lock(invoices.byId(id).invoiceNumber())));
    PaymentPlanRepository.Plan plan = plans.lock(planId).orElseThrow(() -> notFound(planId));
    return new Locked(plan, ids.stream().map(locked::get).toList());
  }

  private PaymentPlanRepository.InstalmentRow instalment(long planId, int number) {
    return plans.instalments(planId).stream().filter(i -> i.number() == number).findFirst()
        .orElseThrow(() -> new NotFoundException("Payment plan " + PaymentPlanView.planNumber(planId)
            + " has no instalment " + number));
  }

  private static void requireStatus(PaymentPlanRepository.Plan plan, PlanStatus expected, String what) {
    if (plan.status() != expected) {
      throw new ConflictException("Payment plan " + plan.number() + " is " + plan.status() + ": only a "
          + expected + " plan can be " + what);
    }
  }

  private static NotFoundException notFound(long planId) {
    return new NotFoundException("No payment plan " + PaymentPlanView.planNumber(planId));
  }

  private static String nothingOpen(Invoice invoice) {
    return "invoice " + invoice.invoiceNumber() + (invoice.status().isFinal() ? " is " + invoice.status() : " has "
        + invoice.inCurrency(invoice.openAmount()) + " open") + ": there is nothing to plan";
  }

  private static BigDecimal open(List<Invoice> covered) {
    return covered.stream().map(Invoice::openAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static String numbers(List<Invoice> covered) {
    return covered.stream().map(Invoice::invoiceNumber).collect(Collectors.joining(", "));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
