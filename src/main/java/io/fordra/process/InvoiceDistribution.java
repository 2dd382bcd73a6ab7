package io.fordra.process;

/**
 * The invoice-distribution process (processes/invoice-distribution.bpmn): sends one document of an invoice on the
 * channel that processes/distribution-channel.dmn chooses, and handles deviations (bounces, rejected e-invoices).
 */
public final class InvoiceDistribution {

  public static final String KEY = "invoice-distribution";
  public static final String RESOURCE = "processes/invoice-distribution.bpmn";
  /** The decision (with its required decision distribution-wanted-channel) that picks the channel. */
  public static final String CHANNEL_DECISION = "distribution-channel";
  public static final String WANTED_CHANNEL_DECISION = "distribution-wanted-channel";

  public static final class Elements {
    public static final String UNDO_WINDOW = "Timer_UndoWindow";
    /** The letter states what was paid and credited during the undo window. */
    public static final String BRING_LETTER_UP_TO_DATE = "Task_BringLetterUpToDate";
    public static final String CHOOSE_CHANNEL = "Rule_ChooseChannel";
    public static final String SEND_EMAIL = "Task_SendEmail";
    public static final String ADD_TO_PRINT_BATCH = "Task_AddToPrintBatch";
    public static final String SEND_EINVOICE = "Task_SendEInvoice";
    public static final String REGISTER_DIRECT_DEBIT = "Task_RegisterDirectDebit";
    public static final String EINVOICE_REJECTED = "Boundary_EInvoiceRejected";
    public static final String CORRECT_DEVIATION = "Task_CorrectDeviation";
    public static final String RECORD_NOT_SENT = "Task_RecordNotSent";
    public static final String END_SENT = "End_Sent";
    public static final String END_IN_PRINT_BATCH = "End_InPrintBatch";
    public static final String END_EINVOICE_SENT = "End_EInvoiceSent";
    public static final String END_NOT_SENT = "End_NotSent";
    /** The Swedish digital mailbox (Kivra): the person has none, or Kivra refuses the content -> reserve channel. */
    public static final String SEND_TO_DIGITAL_MAILBOX = "Task_SendToDigitalMailbox";
    public static final String NO_DIGITAL_MAILBOX = "Boundary_NoDigitalMailbox";
    public static final String END_IN_DIGITAL_MAILBOX = "End_InDigitalMailbox";
    /** Norwegian eFaktura to a private person (issue 19). */
    public static final String SEND_EFAKTURA = "Task_SendEFaktura";
    public static final String EFAKTURA_NOT_ACCEPTED = "Boundary_EFakturaNotAccepted";
    public static final String END_EFAKTURA_SENT = "End_EFakturaSent";

    private Elements() {}
  }

  /** The business failures that leave a channel step by a BPMN error: the name is the model's errorCode. */
  public enum Errors {
    /** The PEPPOL rules refuse the e-invoice: the boundary event tries the reserve channel. */
    EINVOICE_REJECTED,
    /** The person has no digital mailbox (or Kivra refuses the content): the boundary event tries the reserve. */
    NO_DIGITAL_MAILBOX,
    /**
     * The recipient is not in the eFaktura register, has not accepted eFaktura from this issuer or has stopped it: the
     * boundary event tries the reserve channel.
     */
    EFAKTURA_NOT_ACCEPTED;

    public String code() {
      return name();
    }
  }

  /** What a case handler decides in "Correct distribution deviation" (forms/correct-distribution-deviation.form). */
  public enum DeviationAction { SEND, DO_NOT_SEND }

  /** The same names as invoice-to-cash's variables: the call activity passes them on as they are. */
  public static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.of("invoiceNumber", String.class);
  public static final ProcessVariable<Long> DOCUMENT_ID = ProcessVariable.of("documentId", Long.class);
  /** Which hand-over of the document this is (1 when invoice-to-cash sends it; more when a person sends it again). */
  public static final ProcessVariable<Integer> SEND_ATTEMPT = ProcessVariable.of("sendAttempt", Integer.class);
  /** A channel a person named (sending again, or correcting a deviation); null = the customer's own. */
  public static final ProcessVariable<String> REQUESTED_CHANNEL = ProcessVariable.of("requestedChannel", String.class);
  /** True when this sending follows a deviation (bounce, rejected e-invoice): only the reserve channel is tried. */
  public static final ProcessVariable<Boolean> DEVIATION = ProcessVariable.of("deviation", Boolean.class);
  /** True for documents that nothing can undo (a credit note): they do not wait the undo window. */
  public static final ProcessVariable<Boolean> SKIP_UNDO_WINDOW = ProcessVariable.of("skipUndoWindow", Boolean.class);
  /** The channel that bounced or rejected the document (the reserve must be another one). */
  public static final ProcessVariable<String> FAILED_CHANNEL = ProcessVariable.of("failedChannel", String.class);
  /** Why the deviation happened (bounce reason, e-invoice validation errors), shown to the case handler. */
  public static final ProcessVariable<String> DEVIATION_REASON = ProcessVariable.of("deviationReason", String.class);
  /** The channel chosen: EMAIL, PRINT, EINVOICE, DIRECT_DEBIT, DIGITAL_MAILBOX or NONE. */
  public static final ProcessVariable<String> CHANNEL = ProcessVariable.of("channel", String.class);
  /** For DIRECT_DEBIT: the channel that carries the notice (EMAIL or PRINT). */
  public static final ProcessVariable<String> NOTICE_CHANNEL = ProcessVariable.of("noticeChannel", String.class);
  /** The decision table's single result (channel, noticeChannel, reason); read once by ChannelChoice. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<java.util.Map<String, Object>> CHANNEL_DECISION_RESULT =
      (ProcessVariable) ProcessVariable.of("channelDecision", java.util.Map.class);
  /** The case handler's answer in "Correct distribution deviation". */
  public static final ProcessVariable<String> DEVIATION_ACTION = ProcessVariable.of("deviationAction", String.class);

  /** Decision inputs, set transiently by ChannelChoice before the table runs (never stored). */
  public static final class Facts {
    public static final ProcessVariable<String> DOCUMENT_KIND = ProcessVariable.of("documentKind", String.class);
    public static final ProcessVariable<String> PREFERRED_CHANNEL = ProcessVariable.of("preferredChannel", String.class);
    public static final ProcessVariable<Boolean> PREFERRED_ACTIVE = ProcessVariable.of("preferredActive", Boolean.class);
    public static final ProcessVariable<String> DEFAULT_CHANNEL = ProcessVariable.of("defaultChannel", String.class);
    public static final ProcessVariable<String> RESERVE_CHANNEL = ProcessVariable.of("reserveChannel", String.class);
    /** deviation, never null. */
    public static final ProcessVariable<Boolean> AFTER_DEVIATION = ProcessVariable.of("afterDeviation", Boolean.class);
    /** failedChannel, or "NONE". */
    public static final ProcessVariable<String> EXCLUDED_CHANNEL = ProcessVariable.of("excludedChannel", String.class);
    public static final ProcessVariable<Boolean> HAS_EMAIL = ProcessVariable.of("hasEmail", Boolean.class);
    public static final ProcessVariable<Boolean> HAS_POSTAL_ADDRESS = ProcessVariable.of("hasPostalAddress", Boolean.class);
    public static final ProcessVariable<Boolean> HAS_ELECTRONIC_ADDRESS =
        ProcessVariable.of("hasElectronicAddress", Boolean.class);
    public static final ProcessVariable<Boolean> HAS_DIRECT_DEBIT_MANDATE =
        ProcessVariable.of("hasDirectDebitMandate", Boolean.class);

    private Facts() {}
  }

  private InvoiceDistribution() {}
}
