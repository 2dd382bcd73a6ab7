package io.fordra.autogiro;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerEvent;
import io.fordra.customer.CustomerSaved;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The direct-debit mandates of the customers (fordra_mandate): a case handler registers a new Autogiro mandate
 * (REQUESTED, sent to the bank in the next mandate file) or cancels one; the bank's mandate advice makes it ACTIVE,
 * REJECTED or CANCELLED (MandateAdviceService). Each change a person should know of is an event of the customer.
 */
@Service
public class MandateService {

  private static final Logger log = LoggerFactory.getLogger(MandateService.class);

  private final MandateRepository mandates;
  private final CustomerService customers;
  private final FordraClock clock;
  private final NaturalKeys naturalKeys;

  public MandateService(MandateRepository mandates, CustomerService customers, FordraClock clock,
                        NaturalKeys naturalKeys) {
    this.mandates = mandates;
    this.customers = customers;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
  }

  public List<Mandate> ofCustomer(String customerNumber) {
    customers.get(customerNumber);
    return mandates.ofCustomer(customerNumber);
  }

  public Mandate get(String customerNumber, long id) {
    return mandates.find(id).filter(m -> m.customerNumber().equals(customerNumber))
        .orElseThrow(() -> new NotFoundException("Customer " + customerNumber + " has no mandate " + id));
  }

  /**
   * A new Autogiro mandate to send to the bank: REQUESTED, in the next mandate file as a TK04. A payer number the
   * customer had before (rejected or cancelled) is asked anew under the same number; one that is open, or another
   * customer's, is a conflict.
   */
  @Transactional
  public Mandate request(String customerNumber, MandateRequest r, String by) {
    Customer customer = customers.findLocked(customerNumber)
        .orElseThrow(() -> new NotFoundException("No customer " + customerNumber));
    Violations violations = new Violations();
    if (r == null) {
      violations.add("body", "is required: { scheme: AUTOGIRO, payerNumber?, payerAccount | payerBankgiro, payerId }");
      violations.throwIfAny();
    }
    if (r.scheme() != null && !r.scheme().equals(MandateScheme.AUTOGIRO.name())) {
      violations.add("scheme", "must be AUTOGIRO (AvtaleGiro agreements are made in the payer's Norwegian bank)");
    } else if (customer.country() != Country.SE) {
      violations.add("scheme", "Autogiro debits Swedish accounts; customer " + customerNumber + " is in "
          + customer.country());
    }
    String account = null;
    if (r.payerAccount() != null && r.payerBankgiro() != null) {
      violations.add("payerAccount", "give either payerAccount or payerBankgiro, not both");
    } else if (r.payerAccount() != null) {
      account = checked(violations, "payerAccount", r.payerAccount(), MandatePayers.account(r.payerAccount()),
          "is not a Swedish bank account: clearing number and account number, e.g. \"5000 1234567\"");
    } else if (r.payerBankgiro() != null) {
      account = checked(violations, "payerBankgiro", r.payerBankgiro(), MandatePayers.bankgiro(r.payerBankgiro()),
          "is not a bankgiro number (7-8 digits, e.g. \"123-4567\", with a valid check digit)");
    } else {
      violations.add("payerAccount", "is required (or payerBankgiro): the account the payer is debited from");
    }
    String payerId = null;
    if (r.payerId() == null || r.payerId().isBlank()) {
      violations.add("payerId", "is required: the account holder's personnummer or organisationsnummer");
    } else {
      payerId = checked(violations, "payerId", r.payerId(), MandatePayers.payerId(r.payerId(), clock.today()),
          "is not a valid personnummer (YYYYMMDD-NNNN) or organisationsnummer (NNNNNN-NNNN): check digit or date");
    }
    String payerNumber = r.payerNumber();
    if (payerNumber != null && !MandatePayers.isPayerNumber(payerNumber)) {
      violations.add("payerNumber", "must be 1-16 digits (Bankgirot's betalarnummer), not all zeros");
    }
    violations.throwIfAny();
    Optional<Mandate> open = mandates.ofCustomer(customerNumber).stream()
        .filter(m -> m.scheme() == MandateScheme.AUTOGIRO && m.status().isOpen()).findFirst();
    // A payer number given with the customer (directDebitMandate) waits for the account and personnummer: this
    // request completes it (under its payer number, unless another is given).
    Optional<Mandate> incomplete = open.filter(m -> m.status() == MandateStatus.REQUESTED && m.payerAccount() == null
        && m.pendingAction() == null);
    if (payerNumber == null && incomplete.isPresent()) {
      if (!MandatePayers.isPayerNumber(incomplete.get().payerNumber())) {
        throw new io.fordra.kernel.InvalidRequestException("payerNumber", "is required: the payer number given "
            + "with the customer ('" + incomplete.get().payerNumber() + "') is not 1-16 digits as Autogiro needs");
      }
      payerNumber = incomplete.get().payerNumber();
    }
    if (payerNumber == null) {
      payerNumber = MandatePayers.isPayerNumber(customerNumber) ? customerNumber : payerId;
    }
    payerNumber = MandatePayers.canonical(payerNumber);
    if (incomplete.isPresent()) {
      Mandate m = incomplete.get();
      Optional<Mandate> taken = mandates.byPayerNumber(MandateScheme.AUTOGIRO, payerNumber)
          .filter(other -> other.id() != m.id());
      if (taken.isPresent()) {
        throw new ConflictException("Payer number " + payerNumber + " is already Autogiro mandate " + taken.get().id()
            + " (customer " + taken.get().customerNumber() + "); give another payerNumber");
      }
      Mandate completed = new Mandate(m.id(), m.scheme(), customerNumber, payerNumber, account, payerId,
          MandateStatus.REQUESTED, null, null, m.origin(), Mandate.PendingAction.NEW, m.createdAt(), clock.now());
      mandates.update(completed);
      event(completed, by, "Autogiro mandate " + payerNumber + " completed with the payer's account and "
          + "personnummer; it goes to the bank in the next mandate file", MandateStatus.REQUESTED,
          MandateStatus.REQUESTED);
      return mandates.find(m.id()).orElseThrow();
    }
    if (open.isPresent()) {
      throw new ConflictException("Customer " + customerNumber + " already has Autogiro mandate " + open.get().id()
          + " (" + open.get().status() + ", payer number " + open.get().payerNumber()
          + "); cancel it first to give a new one");
    }
    Instant now = clock.now();
    Optional<Mandate> before = mandates.byPayerNumber(MandateScheme.AUTOGIRO, payerNumber);
    if (before.isPresent() && !before.get().customerNumber().equals(customerNumber)) {
      throw new ConflictException("Payer number " + payerNumber + " is customer " + before.get().customerNumber()
          + "'s (Autogiro mandate " + before.get().id() + "); give another payerNumber");
    }
    Mandate mandate;
    if (before.isPresent()) {
      Mandate b = before.get();
      mandate = new Mandate(b.id(), b.scheme(), customerNumber, payerNumber, account, payerId,
          MandateStatus.REQUESTED, null, null, b.origin(), Mandate.PendingAction.NEW, b.createdAt(), now);
      mandates.update(mandate);
    } else {
      String number = payerNumber;
      String acc = account;
      String id = payerId;
      long newId = naturalKeys.claim("Payer number " + payerNumber + " was taken at the same moment; try again",
          () -> mandates.insert(new Mandate(0, MandateScheme.AUTOGIRO, customerNumber, number, acc, id,
              MandateStatus.REQUESTED, null, null, Mandate.Origin.FORDRA, Mandate.PendingAction.NEW, now, now)));
      mandate = mandates.find(newId).orElseThrow();
    }
    event(mandate, by, "Autogiro mandate " + payerNumber + " registered; it goes to the bank in the next mandate file",
        null, MandateStatus.REQUESTED);
    return mandates.find(mandate.id()).orElseThrow();
  }

  /**
   * Cancels a mandate: one the bank never got is simply CANCELLED; one it has (SENT, ACTIVE) is CANCELLED at once —
   * nothing more is debited under it — and the next mandate file tells the bank (TK03). Cancelling again changes
   * nothing.
   */
  @Transactional
  public Mandate cancel(String customerNumber, long id, String by) {
    customers.findLocked(customerNumber).orElseThrow(() -> new NotFoundException("No customer " + customerNumber));
    Mandate m = mandates.lock(id).filter(x -> x.customerNumber().equals(customerNumber))
        .orElseThrow(() -> new NotFoundException("Customer " + customerNumber + " has no mandate " + id));
    if (m.status() == MandateStatus.CANCELLED) {
      return m;
    }
    if (m.status() == MandateStatus.REJECTED) {
      throw new ConflictException("Mandate " + id + " was rejected by the bank (" + m.statusText()
          + "): there is nothing to cancel");
    }
    boolean bankHasIt = m.status() != MandateStatus.REQUESTED && m.scheme() == MandateScheme.AUTOGIRO;
    String text = "cancelled by " + by + (bankHasIt ? "; the cancellation goes to the bank in the next mandate file"
        : " before it went to the bank");
    Mandate cancelled = new Mandate(m.id(), m.scheme(), m.customerNumber(), m.payerNumber(), m.payerAccount(),
        m.payerId(), MandateStatus.CANCELLED, null, text, m.origin(),
        bankHasIt ? Mandate.PendingAction.CANCEL : null, m.createdAt(), clock.now());
    mandates.update(cancelled);
    event(cancelled, by, name(m) + " " + text, m.status(), MandateStatus.CANCELLED);
    return mandates.find(id).orElseThrow();
  }

  /**
   * The customer register's field directDebitMandate (the existing API) keeps working: a payer number given there
   * becomes a mandate of the customer's scheme, REQUESTED. It cannot go to the bank before a case handler registers
   * the payer's account and personnummer (POST …/mandates), which a TK04 needs; until the bank approves it, the
   * customer is not debited.
   */
  @EventListener
  public void customerSaved(CustomerSaved saved) {
    Customer c = saved.customer();
    if (c.directDebitMandate() == null) {
      return;
    }
    MandateScheme scheme = MandateScheme.of(c.country());
    String payerNumber = scheme == MandateScheme.AUTOGIRO && MandatePayers.isPayerNumber(c.directDebitMandate())
        ? MandatePayers.canonical(c.directDebitMandate()) : c.directDebitMandate();
    Optional<Mandate> known = mandates.byPayerNumber(scheme, payerNumber);
    if (known.isPresent()) {
      if (!known.get().customerNumber().equals(c.customerNumber())) {
        log.warn("Customer {} gives payer number {}, which is customer {}'s {} mandate {}: no mandate registered",
            c.customerNumber(), c.directDebitMandate(), known.get().customerNumber(), scheme, known.get().id());
      }
      return;
    }
    Instant now = clock.now();
    String text = "given with the customer (directDebitMandate): the payer's account and personnummer are needed "
        + "before it can go to the bank";
    naturalKeys.tryClaim(() -> mandates.insert(new Mandate(0, scheme, c.customerNumber(), payerNumber,
        null, null, MandateStatus.REQUESTED, null, text, Mandate.Origin.FORDRA, null, now, now)));
  }

  /** A status change of a mandate as an event of its customer ("Autogiro mandate 4711: SENT -> ACTIVE"). */
  void event(Mandate m, String by, String reason, MandateStatus from, MandateStatus to) {
    customers.recordEvent(m.customerNumber(), by, reason, List.of(new CustomerEvent.Change(
        "mandate." + m.scheme().name().toLowerCase() + "." + m.payerNumber(),
        from == null ? null : from.name(), to.name())));
  }

  static String name(Mandate m) {
    return (m.scheme() == MandateScheme.AUTOGIRO ? "Autogiro mandate " : "AvtaleGiro agreement ") + m.payerNumber();
  }

  private static String checked(Violations violations, String field, String given, String normalised, String problem) {
    if (normalised == null) {
      violations.add(field, "'" + (given.length() > 40 ? given.substring(0, 40) + "…" : given) + "' " + problem);
    }
    return normalised;
  }
}
