package io.fordra.invoice;

/**
 * The follow-up of an invoice until it is paid, credited or closed (process invoice-to-cash, one instance per invoice,
 * business key = invoice number), as the services see it: its port. Services start it here and otherwise only
 * publish the domain events below inside their transaction; {@link EngineInvoiceFollowUp} delivers each to the
 * process as its message (names and variables in {@code io.fordra.invoice.InvoiceToCash}). Every capability follows
 * invoices, so the port lives with them: {@code invoice} depends on no other capability.
 */
public interface InvoiceFollowUp {

  /** Starts the follow-up of a new invoice. */
  void start(String invoiceNumber, String customerType, boolean priority, String country);

  /** Where the follow-up of an invoice taken over from the previous system starts (its invoice was sent there). */
  enum Stage {
    /** Waiting for the due date (an invoice not yet reminded). */
    DUE_DATE,
    /** Reminded: waiting for the last reminder's deadline, then the dunning policy decides the next step. */
    REMINDER_DEADLINE,
    /** Collection notice sent: waiting for its deadline. */
    COLLECTION_NOTICE_DEADLINE,
    /** With the collection agency: waiting for its report. */
    WITH_AGENCY
  }

  /**
   * Starts the follow-up of an invoice taken over from the previous system at its stage, without sending the invoice
   * (process instance modification: the same invoice-to-cash, started before the stage's wait state).
   *
   * @param step the dunning step reached in the previous system, as the migration file said it (kept for Cockpit)
   */
  void startAt(String invoiceNumber, String customerType, boolean priority, String country, Stage stage, String step);

  /** Whether the follow-up waits for the collection agency's report (the claim is with the agency). */
  boolean waitsForAgencyReport(String invoiceNumber);

  /** Whether the follow-up still sends a document again when it bounced (it has not ended). */
  boolean sendsBouncedDocumentsAgain(String invoiceNumber);

  /** A payment was booked on the invoice (message PaymentReceived, local to the payment's event subprocess). */
  record PaymentBooked(String invoiceNumber, long paymentId) {}

  /** A credit note was issued from outside the follow-up, e.g. by finance over REST (message InvoiceCredited). */
  record InvoiceCredited(String invoiceNumber) {}

  /** An objection arrived; whether it covers all that is still owed (message ObjectionRaised). */
  record ObjectionRaised(String invoiceNumber, boolean followUpOnHold) {}

  /** The customer withdrew the open objection (message ObjectionWithdrawn). */
  record ObjectionWithdrawn(String invoiceNumber) {}

  /** A sent document did not arrive; the follow-up sends it again by another channel (message DistributionBounced). */
  record DocumentBounced(String invoiceNumber, long documentId, int sendAttempt, String failedChannel, String reason) {}

  /**
   * The payment plan that covered the invoice ended (paid, broken or refused): follow-up, if it waits for the plan,
   * goes on at the dunning step it had reached (message PaymentPlanEnded).
   */
  record PaymentPlanOver(String invoiceNumber) {}

  /** The agency reported how its case ended: COLLECTED, UNCOLLECTIBLE or WITHDRAWN (CollectionCaseClosed). */
  record CollectionCaseClosed(String invoiceNumber, String outcome, String note) {}
}
