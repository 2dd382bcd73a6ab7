package io.fordra.dispute;

import io.fordra.collection.CollectionAgencyProperties;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.distribution.DistributionService;
import io.fordra.distribution.MailComposer;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.DisputeSummaries;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceClosed;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceView;
import io.fordra.invoice.Money;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (seed 002): follow-up of what is disputed is put on hold at once, every objection gets a written
 * answer before its deadline or is closed for missing response, and the dialogue is kept as invoice events.
 */
@Service
public class DisputeService implements DisputeSummaries {

  private final DisputeRepository disputes;
  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final ApplicationEventPublisher events;
  private final MailComposer mail;
  private final DisputeProperties properties;
  private final CollectionAgencyProperties agency;
  private final SellerProperties seller;
  private final FordraClock clock;

  public DisputeService(DisputeRepository disputes, DocumentService documents, InvoiceService invoices, CustomerService customers,
                        ApplicationEventPublisher events, MailComposer mail, DisputeProperties properties,
                        CollectionAgencyProperties agency, SellerProperties seller, FordraClock clock) {
    this.disputes = disputes;
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.events = events;
    this.mail = mail;
    this.properties = properties;
    this.agency = agency;
    this.seller = seller;
    this.clock = clock;
  }

  /** An objection arrives: stored, the disputed amount held from follow-up, and the follow-up told of it. */
  @Transactional
  public Dispute raise(String invoiceNumber, ObjectionRequest r) {
    Invoice invoice = invoices.lock(invoiceNumber);
    if (invoice.status().isFinal()) {
      throw new ConflictException("Invoice " + invoiceNumber + " is " + invoice.status()
          + ": there is nothing left to object to");
    }
    Optional<Dispute> latest = disputes.latest(invoice.id());
    if (latest.isPresent() && latest.get().isOpen()) {
      throw new ConflictException("Invoice " + invoiceNumber + " already has an open objection (received "
          + latest.get().receivedAt() + "); answer or withdraw it first");
    }
    Violations v = new Violations();
    v.text("reason", r.reason(), 2000);
    v.required("raisedBy", r.raisedBy());
    BigDecimal disputed = r.disputedAmount() == null ? invoice.openAmount() : r.disputedAmount();
    if (r.disputedAmount() != null && v.amount("disputedAmount", r.disputedAmount())) {
      if (disputed.signum() <= 0) {
        v.add("disputedAmount", "must be greater than zero");
      } else if (disputed.compareTo(invoice.openAmount()) > 0) {
        v.add("disputedAmount", "is more than the open amount " + invoice.openAmount().toPlainString());
      }
    }
    Instant received = r.receivedAt() == null ? clock.now() : r.receivedAt();
    if (received.isAfter(clock.now())) {
      v.add("receivedAt", "is in the future");
    }
    v.throwIfAny();
    LocalDate deadline = LocalDate.ofInstant(received, clock.zone()).plus(properties.replyDeadline());
    long id = disputes.insert(invoice.id(), disputed, r.reason().strip(), r.raisedBy(), received, deadline);
    Invoice updated = invoices.setDisputedAmount(invoice, disputed);
    invoices.record(updated, InvoiceEvent.of(InvoiceEventType.OBJECTION_RAISED, "Objection by " + r.raisedBy()
        + " to " + invoice.inCurrency(disputed) + (disputed.compareTo(invoice.openAmount()) == 0 ? " (the whole open amount)"
        : " (undisputed " + invoice.inCurrency(updated.undisputedAmount()) + " is still followed up)")
        + ", answer due " + deadline + ": " + r.reason().strip()));
    events.publishEvent(new InvoiceFollowUp.ObjectionRaised(invoiceNumber, isOnHold(updated)));
    return disputes.latest(invoice.id()).orElseThrow();
  }

  /** The customer withdraws: follow-up resumes on the whole open amount. */
  @Transactional
  public Dispute withdraw(String invoiceNumber) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Dispute dispute = disputes.latest(invoice.id()).filter(Dispute::isOpen)
        .orElseThrow(() -> new ConflictException("Invoice " + invoiceNumber + " has no open objection"));
    disputes.updateStatus(dispute.id(), DisputeStatus.WITHDRAWN);
    Invoice updated = invoices.setDisputedAmount(invoice, BigDecimal.ZERO);
    invoices.record(updated, InvoiceEvent.of(InvoiceEventType.OBJECTION_WITHDRAWN,
        "The objection was withdrawn; follow-up resumes on " + invoice.inCurrency(updated.openAmount())));
    events.publishEvent(new InvoiceFollowUp.ObjectionWithdrawn(invoiceNumber));
    return disputes.latest(invoice.id()).orElseThrow();
  }

  /** Follow-up waits while an open objection covers everything still owed. */
  public boolean isOnHold(String invoiceNumber) {
    return isOnHold(invoices.get(invoiceNumber));
  }

  private boolean isOnHold(Invoice invoice) {
    return disputes.latest(invoice.id()).filter(Dispute::isOpen).isPresent()
        && invoice.undisputedAmount().signum() == 0;
  }

  /** A rejected objection stands on money still owed: it may not go to normal collection. */
  public boolean rejectedObjectionStands(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    return disputes.latest(invoice.id()).filter(d -> d.status() == DisputeStatus.REJECTED).isPresent()
        && invoice.openAmount().signum() > 0;
  }

  /** A rejected objection covers all that is still owed. */
  public boolean onlyDisputedLeft(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    return rejectedObjectionStands(invoiceNumber) && invoice.undisputedAmount().signum() == 0;
  }

  /** When the open objection arrived (its nudges count from then). */
  public Instant receivedAt(String invoiceNumber) {
    return openDispute(invoices.get(invoiceNumber)).receivedAt();
  }

  /** The answer date as the task's due date and the deadline timer want it. */
  public LocalDate replyDeadline(String invoiceNumber) {
    return openDispute(invoices.get(invoiceNumber)).deadline();
  }

  /** The invoice's latest objection, open or answered (what the objection tasks show). */
  public Dispute latestDispute(Invoice invoice) {
    return disputes.latest(invoice.id()).orElseThrow(
        () -> new IllegalStateException("Invoice " + invoice.invoiceNumber() + " has no objection"));
  }

  /** Refuses an answer that does not fit: every problem in one message, shown in Tasklist. */
  public void checkAnswer(String invoiceNumber, String decision, Object creditAmount, String replyText) {
    Invoice invoice = invoices.get(invoiceNumber);
    Dispute dispute = openDispute(invoice);
    List<String> problems = new ArrayList<>();
    ObjectionDecision chosen = parse(decision);
    if (chosen == null) {
      problems.add("choose ACCEPT_FULL, ACCEPT_PARTIAL or REJECT");
    }
    if (replyText == null || replyText.isBlank()) {
      problems.add("write the answer to the customer");
    } else if (replyText.length() > 4000) {
      problems.add("the answer is longer than 4000 characters");
    }
    if (chosen == ObjectionDecision.ACCEPT_PARTIAL) {
      BigDecimal credit = parseAmount(creditAmount);
      if (credit == null || credit.signum() <= 0 || credit.compareTo(dispute.disputedAmount()) >= 0
          || credit.stripTrailingZeros().scale() > 2) {
        problems.add("a partial credit must be more than 0 and less than the disputed "
            + invoice.inCurrency(dispute.disputedAmount()) + ", with at most 2 decimals");
      }
    } else if (chosen != null && parseAmount(creditAmount) != null) {
      problems.add("a credit amount belongs only to ACCEPT_PARTIAL");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("The answer cannot be saved: " + String.join("; ", problems) + ".");
    }
  }

  /**
   * Applies the case handler's answer: a credit for the accepted amount, the rejected part stays disputed.
   *
   * @return what was credited: the process sends a credit in part's credit note, or ends on a credit in full
   */
  @Transactional
  public ObjectionCredit answer(String invoiceNumber, String decision, Object creditAmount, String reply, String user) {
    checkAnswer(invoiceNumber, decision, creditAmount, reply);
    Invoice invoice = invoices.lock(invoiceNumber);
    Dispute dispute = openDispute(invoice);
    ObjectionDecision chosen = ObjectionDecision.valueOf(decision);
    BigDecimal credit = switch (chosen) {
      case ACCEPT_FULL -> dispute.disputedAmount();
      case ACCEPT_PARTIAL -> parseAmount(creditAmount).setScale(2);
      case REJECT -> null;
    };
    DisputeStatus status = chosen == ObjectionDecision.REJECT ? DisputeStatus.REJECTED : DisputeStatus.ACCEPTED;
    disputes.answer(dispute.id(), status, chosen, credit, reply.strip(), user, clock.now());
    Invoice updated = invoice;
    if (credit != null) {
      updated = invoices.credit(invoice, credit.min(invoice.openAmount()), "objection accepted: " + dispute.reason());
      // What was disputed and not credited is owed again.
      updated = invoices.setDisputedAmount(updated, BigDecimal.ZERO);
    }
    invoices.record(updated, InvoiceEvent.of(InvoiceEventType.OBJECTION_ANSWERED, chosen + " by "
        + (user == null ? "a case handler" : user) + (credit == null ? "" : ", credit " + invoice.inCurrency(credit))
        + "; reply: " + reply.strip()));
    if (credit == null) {
      return ObjectionCredit.NONE;
    }
    return updated.openAmount().signum() == 0 ? ObjectionCredit.IN_FULL : ObjectionCredit.IN_PART;
  }

  /**
   * E-mails the written answer to the customer (the same Message-ID if a retry sends it again). Where money is still
   * owed it says how much, by when, to which account and with which OCR/KID.
   */
  @Transactional
  public void sendReply(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    Dispute dispute = disputes.latest(invoice.id()).orElseThrow();
    String key = dispute.decision() == ObjectionDecision.REJECT ? "mail.OBJECTION_REJECTED"
        : invoice.openAmount().signum() == 0 ? "mail.OBJECTION_ACCEPTED_SETTLED" : "mail.OBJECTION_ACCEPTED";
    String language = customer.language();
    LocalDate payBy = invoice.payBy() == null ? invoice.dueDate() : invoice.payBy();
    // A due date already passed is not repeated as a deadline: the customer is asked to pay now.
    String when = mail.text(payBy.isBefore(clock.today()) ? "mail.pay-when.now" : "mail.pay-when.by", language,
        mail.date(payBy, language));
    Object[] args = {customer.name(), invoice.invoiceNumber(), dispute.reply(),
        Money.format(invoice.openAmount(), language), invoice.currency().name(), mail.date(payBy, language),
        seller.name(), seller.email(), mail.payTo(language), invoice.paymentReference(), mail.referenceLabel(), when};
    mail.send(mail.compose(messageId(invoice, "objection-reply." + dispute.id()), customer.invoiceRecipient(),
        mail.text(key + ".subject", language, args), mail.text(key + ".body", language, args),
        dispute.answeredAt(), List.of()));
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_ANSWERED, "Written answer e-mailed to the "
        + "customer").via(DistributionService.EMAIL, customer.invoiceRecipient()));
  }

  /**
   * Reminds the case handlers (and the assignee) that an objection waits for its answer, in the seller's language,
   * with a link to the task in Tasklist.
   */
  @Transactional
  public void nudge(String invoiceNumber, String assigneeEmail, String taskLink) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Dispute dispute = openDispute(invoice);
    List<String> to = new ArrayList<>();
    if (properties.nudgeEmail() != null && !properties.nudgeEmail().isBlank()) {
      to.add(properties.nudgeEmail());
    }
    if (assigneeEmail != null && !assigneeEmail.isBlank() && !to.contains(assigneeEmail)) {
      to.add(assigneeEmail);
    }
    int number = dispute.nudgesSent() + 1;
    if (!to.isEmpty()) {
      String language = seller.country().language();
      Object[] args = {invoice.invoiceNumber(),
          mail.amount(dispute.disputedAmount(), invoice.currency().name(), language), dispute.reason(),
          mail.date(dispute.deadline(), language),
          mail.date(LocalDate.ofInstant(dispute.receivedAt(), clock.zone()), language), number,
          customers.get(invoice.customerNumber()).name(), taskLink};
      mail.send(mail.compose(messageId(invoice, "objection-nudge." + dispute.id() + "." + number), String.join(",", to),
          mail.text("mail.OBJECTION_NUDGE.subject", language, args),
          mail.text("mail.OBJECTION_NUDGE.body", language, args), clock.now(), List.of()));
    }
    disputes.countNudge(dispute.id());
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_NUDGE, "Reminder " + number
        + " to answer the objection by " + dispute.deadline()).via(DistributionService.EMAIL, String.join(",", to)));
  }

  /**
   * No answer by the deadline: the objection is closed for missing response and follow-up of the disputed amount
   * ends. Where the claim was with the agency, it is told and its withdrawal fee recorded.
   *
   * @return whether nothing is left to follow up
   */
  @Transactional
  public boolean closeForMissingResponse(String invoiceNumber, boolean handedOff) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Dispute dispute = openDispute(invoice);
    disputes.updateStatus(dispute.id(), DisputeStatus.CLOSED_NO_RESPONSE);
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_CLOSED, "No answer by " + dispute.deadline()
        + ": the objection is closed for missing response and " + invoice.inCurrency(dispute.disputedAmount())
        + " is no longer followed up"));
    if (handedOff) {
      String language = seller.country().language();
      BigDecimal fee = agency.withdrawalFee() == null ? BigDecimal.ZERO : agency.withdrawalFee();
      Object[] args = {agency.name(), invoice.invoiceNumber(),
          mail.amount(dispute.disputedAmount(), invoice.currency().name(), language), seller.name(), dispute.reason()};
      mail.send(mail.compose(messageId(invoice, "agency-objection-closed." + dispute.id()), agency.email(),
          mail.text("mail.AGENCY_OBJECTION_CLOSED.subject", language, args),
          mail.text("mail.AGENCY_OBJECTION_CLOSED.body", language, args), clock.now(), List.of()));
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.WITHDRAWAL_FEE, agency.name()
          + " told; its withdrawal fee of " + invoice.inCurrency(fee)
          + " is charged to " + seller.name()).via(DistributionService.EMAIL, agency.email()));
    }
    if (invoice.undisputedAmount().signum() == 0) {
      invoices.changeStatus(invoice, InvoiceStatus.CLOSED, InvoiceEvent.of(InvoiceEventType.CLAIM_CLOSED,
          "Follow-up ended: everything still owed was disputed"));
      return true;
    }
    return false;
  }

  /** The agency learns of an objection at once: its case counts as paused. */
  @Transactional
  public void tellAgencyOfObjection(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    Dispute dispute = disputes.latest(invoice.id()).orElseThrow();
    String language = seller.country().language();
    Object[] args = {agency.name(), invoice.invoiceNumber(),
        mail.amount(dispute.disputedAmount(), invoice.currency().name(), language), seller.name(), dispute.reason(),
        mail.date(dispute.deadline(), language)};
    mail.send(mail.compose(messageId(invoice, "agency-objection." + dispute.id()), agency.email(),
        mail.text("mail.AGENCY_OBJECTION.subject", language, args),
        mail.text("mail.AGENCY_OBJECTION.body", language, args), dispute.receivedAt(), List.of()));
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.AGENCY_NOTIFIED, "Told " + agency.name()
        + " of the objection; the collection case is paused").via(DistributionService.EMAIL, agency.email()));
  }

  /** "Decide disputed claim": to the conciliation board (forliksrådet), or closed. Either way follow-up ends. */
  @Transactional
  public void decideDisputedClaim(String invoiceNumber, String decision, String comment, String user) {
    DisputedClaimDecision chosen = parseClaimDecision(decision);
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("The decision cannot be saved: write why in the comment.");
    }
    Invoice invoice = invoices.lock(invoiceNumber);
    Dispute dispute = disputes.latest(invoice.id()).orElseThrow();
    String who = user == null ? "a case handler" : user;
    if (chosen == DisputedClaimDecision.CONCILIATION_BOARD) {
      disputes.updateStatus(dispute.id(), DisputeStatus.CONCILIATION_BOARD);
      StoredDocument summary = documents.issue(invoice, DocumentKind.CONCILIATION_CASE, 1, BigDecimal.ZERO.setScale(2),
          clock.today(), "Objection (" + dispute.raisedBy() + ", " + dispute.receivedAt() + "): " + dispute.reason()
              + "\nOur answer (" + dispute.answeredBy() + ", " + dispute.answeredAt() + "): " + dispute.reply()
              + "\nDecision: " + comment.strip());
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.CONCILIATION_BOARD, "Case summary "
          + summary.fileName() + " produced for the conciliation board"));
      invoices.changeStatus(invoice, InvoiceStatus.CLOSED, InvoiceEvent.of(InvoiceEventType.CONCILIATION_BOARD,
          "Sent to the conciliation board by " + who + ": " + invoice.inCurrency(invoice.openAmount()) + " disputed ("
              + dispute.reason() + "); our answer: " + dispute.reply() + "; " + comment.strip()));
    } else {
      disputes.updateStatus(dispute.id(), DisputeStatus.CLOSED);
      invoices.changeStatus(invoice, InvoiceStatus.CLOSED, InvoiceEvent.of(InvoiceEventType.CLAIM_CLOSED,
          "Disputed claim closed by " + who + " with " + invoice.inCurrency(invoice.openAmount()) + " open: "
              + comment.strip()));
    }
  }

  /** Paid, credited or closed: an objection still open ends with the invoice (seed 002 point 8). */
  @EventListener
  public void onInvoiceClosed(InvoiceClosed closed) {
    disputes.latest(closed.invoice().id()).filter(Dispute::isOpen).ifPresent(d -> {
      disputes.updateStatus(d.id(), DisputeStatus.CLOSED);
      invoices.record(closed.invoice(), InvoiceEvent.of(InvoiceEventType.OBJECTION_CLOSED,
          "The open objection ends: the invoice is " + closed.status()));
    });
  }

  @Override
  public Optional<InvoiceView.DisputeView> latestFor(Invoice invoice) {
    return disputes.latest(invoice.id()).map(d -> new InvoiceView.DisputeView(d.status().name(), d.disputedAmount(),
        d.reason(), d.raisedBy().name(), d.reply(), d.deadline()));
  }

  private Dispute openDispute(Invoice invoice) {
    return disputes.latest(invoice.id()).filter(Dispute::isOpen)
        .orElseThrow(() -> new IllegalStateException("Invoice " + invoice.invoiceNumber() + " has no open objection"));
  }

  private static ObjectionDecision parse(String decision) {
    for (ObjectionDecision d : ObjectionDecision.values()) {
      if (d.name().equals(decision)) {
        return d;
      }
    }
    return null;
  }

  private static DisputedClaimDecision parseClaimDecision(String decision) {
    for (DisputedClaimDecision d : DisputedClaimDecision.values()) {
      if (d.name().equals(decision)) {
        return d;
      }
    }
    throw new IllegalArgumentException("The decision cannot be saved: choose CONCILIATION_BOARD or CLOSE.");
  }

  private static BigDecimal parseAmount(Object value) {
    try {
      return InvoiceToCash.amount(value);
    } catch (IllegalArgumentException e) {
      return BigDecimal.valueOf(-1);
    }
  }

  private String messageId(Invoice invoice, String step) {
    return mail.messageId(invoice.invoiceNumber(), step);
  }

}
