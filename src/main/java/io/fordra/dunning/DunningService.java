package io.fordra.dunning;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and collection notices: applies the step the dunning policy chose, within the legal limits of the
 * debtor's country in force today (DunningLimits, kept by finance), and issues the letter.
 */
@Service
class DunningService {

  private final InvoiceService invoices;
  private final CustomerService customers;
  private final DocumentService documents;
  private final DunningLimits limits;
  private final FordraClock clock;
  private final SellerProperties seller;
  private final LateCompensationProperties compensation;

  public DunningService(InvoiceService invoices, CustomerService customers, DocumentService documents,
                        DunningLimits limits, FordraClock clock, SellerProperties seller,
                        LateCompensationProperties compensation) {
    this.seller = seller;
    this.compensation = compensation;
    this.invoices = invoices;
    this.customers = customers;
    this.documents = documents;
    this.limits = limits;
    this.clock = clock;
  }

  @Transactional
  public InvoiceStatus markOverdue(String invoiceNumber) {
    Invoice invoice = invoices.lock(invoiceNumber);
    if (invoice.status().isFinal()) {
      return invoice.status();
    }
    invoices.changeStatus(invoice, InvoiceStatus.OVERDUE, InvoiceEvent.of(InvoiceEventType.OVERDUE,
        "Not paid by the due date " + invoice.dueDate() + "; open " + invoice.inCurrency(invoice.openAmount())));
    return InvoiceStatus.OVERDUE;
  }

  /** Charges the reminder fee the law allows, sets the new deadline and issues reminder number n. */
  @Transactional
  public StoredDocument prepareReminder(String invoiceNumber, DunningStep step) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    Country law = lawOfClaim(customer);
    DunningLimit limits = this.limits.inForce(law);
    BigDecimal fee = reminderFee(invoice, customer, limits, step.fee(), law);
    BigDecimal compensation = compensation(invoice, customer, step);
    LocalDate payBy = clock.today().plus(step.paymentPeriod());
    int number = invoice.remindersSent() + 1;
    Invoice updated = invoices.applyDunningStep(invoice, fee.add(compensation), number, invoice.reminderFeesCharged()
        + (fee.signum() > 0 ? 1 : 0), payBy);
    return documents.prepare(updated, DocumentKind.REMINDER, number, fee.add(compensation), payBy);
  }

  /** Issues the collection notice (SE inkassokrav, NO inkassovarsel) with at least the legal time to pay. */
  @Transactional
  public StoredDocument prepareCollectionNotice(String invoiceNumber, DunningStep step) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    Country law = lawOfClaim(customer);
    DunningLimit limits = this.limits.inForce(law);
    BigDecimal fee = limit(invoice, step.fee(), limits.maxCollectionNoticeFee(), "collection notice fee", law)
        .add(compensation(invoice, customer, step));
    Period period = step.paymentPeriod();
    Period minimum = Period.ofDays(limits.minCollectionNoticePeriodDays());
    if (clock.today().plus(period).isBefore(clock.today().plus(minimum))) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "The policy's payment period " + period
          + " is shorter than the " + minimum.getDays() + " days the law gives; " + minimum.getDays() + " days used"));
      period = minimum;
    }
    LocalDate payBy = clock.today().plus(period);
    Invoice updated = invoices.applyDunningStep(invoice, fee, invoice.remindersSent(),
        invoice.reminderFeesCharged(), payBy);
    return documents.prepare(updated, DocumentKind.COLLECTION_NOTICE, 1, fee, payBy);
  }

  @Transactional
  public void recordReview(String invoiceNumber, String decision, String comment, String user) {
    Invoice invoice = invoices.get(invoiceNumber);
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.REVIEWED, "Dunning reviewed by "
        + (user == null ? "a case handler" : user) + ": " + decision
        + (comment == null || comment.isBlank() ? "" : " — " + comment)));
  }

  /**
   * The law whose limits and fees apply: the debtor's at home (SE, NO), the seller's for a debtor abroad (see
   * DebtorGroup; the dunning policy decides with the same input whether a fee is asked at all).
   */
  private Country lawOfClaim(Customer customer) {
    return DebtorGroup.lawOfClaim(customer.country(), seller.country());
  }

  /**
   * The fixed compensation for recovery costs (directive 2011/7/EU art. 6; SE förseningsersättning) where the policy
   * asks for it: from a business debtor only, once per invoice (also not when an interest invoice already charged it),
   * in the invoice currency's configured amount.
   */
  private BigDecimal compensation(Invoice invoice, Customer customer, DunningStep step) {
    BigDecimal none = BigDecimal.ZERO.setScale(2);
    if (!step.compensation()) {
      return none;
    }
    String reason = null;
    BigDecimal amount = compensation.in(invoice.currency().name()).orElse(null);
    if (customer.type() != CustomerType.BUSINESS) {
      reason = "the debtor is not a business (the late-payment directive applies between businesses)";
    } else if (amount == null) {
      reason = "no amount for " + invoice.currency() + " in fordra.dunning.late-compensation.amounts";
    } else if (!invoices.claimLateCompensation(invoice)) {
      reason = "it was already charged on this invoice";
    }
    if (reason != null) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "No fixed compensation for recovery "
          + "costs: " + reason));
      return none;
    }
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED, "fixed compensation for recovery costs "
        + "(directive 2011/7/EU art. 6) " + invoice.inCurrency(amount)));
    return amount;
  }

  private BigDecimal reminderFee(Invoice invoice, Customer customer, DunningLimit limits,
                                 BigDecimal requested, Country law) {
    if (requested.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    String reason = null;
    if (limits.reminderFeeRequiresAgreement() && !customer.reminderFeeAgreed()) {
      reason = "no reminder fee was agreed with the customer";
    } else if (invoice.reminderFeesCharged() >= limits.maxReminderFees()) {
      reason = "at most " + limits.maxReminderFees() + " reminder fee(s) per invoice";
    } else if (clock.today().isBefore(invoice.dueDate().plusDays(limits.minDaysAfterDueForFee()))) {
      reason = "no reminder fee before " + limits.minDaysAfterDueForFee() + " days after the due date";
    }
    if (reason != null) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED,
          "No reminder fee (policy asked " + invoice.inCurrency(requested) + "): " + reason));
      return BigDecimal.ZERO.setScale(2);
    }
    return limit(invoice, requested, limits.maxReminderFee(), "reminder fee", law);
  }

  private BigDecimal limit(Invoice invoice, BigDecimal requested, BigDecimal maximum, String what, Country law) {
    if (requested.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (!invoice.currency().name().equals(localCurrency(law))) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "No " + what
          + ": the legal fee is in " + localCurrency(law) + ", the invoice in " + invoice.currency()));
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal fee = requested;
    if (fee.compareTo(maximum) > 0) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "The policy's " + what + " "
          + invoice.inCurrency(requested) + " exceeds the legal maximum; " + invoice.inCurrency(maximum) + " charged"));
      fee = maximum;
    }
    fee = fee.setScale(2);
    if (fee.signum() > 0) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED, what + " " + invoice.inCurrency(fee)));
    }
    return fee;
  }

  private static String localCurrency(Country country) {
    return country == Country.NO ? "NOK" : "SEK";
  }

}
