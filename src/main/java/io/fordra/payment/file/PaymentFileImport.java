package io.fordra.payment.file;

import io.fordra.process.ProcessVariable;

/** The payment-file-import process (processes/payment-file-import.bpmn): books one payment file in chunks. */
public final class PaymentFileImport {

  public static final String KEY = "payment-file-import";
  public static final String RESOURCE = "processes/payment-file-import.bpmn";

  public static final class Elements {
    public static final String BOOK_CHUNK = "Task_BookChunk";
    public static final String REPORT = "Task_ReportImport";
    public static final String MATCH_PAYMENT = "Task_MatchPayment";
    /** No payment left for a person to place. */
    public static final String END_IMPORTED = "End_Imported";
    /** Every payment that no rule placed was placed by hand. */
    public static final String END_ALL_MATCHED = "End_AllMatched";
    /** One task per file with entries kept aside (issue 16): a person says what was done about them. */
    public static final String REVIEW_KEPT_ASIDE = "Task_ReviewKeptAside";
    /** The entries kept aside were looked at and what was done is recorded. */
    public static final String END_KEPT_ASIDE_REVIEWED = "End_KeptAsideReviewed";

    private Elements() {}
  }

  /** The payment-matching process (processes/payment-matching.bpmn): one payment posted on its own, by hand. */
  public static final String MATCHING_KEY = "payment-matching";
  public static final String MATCHING_RESOURCE = "processes/payment-matching.bpmn";

  /** Element ids of payment-matching. */
  public static final class MatchingElements {
    public static final String MATCH_PAYMENT = "Task_MatchPayment";
    public static final String END_PAYMENT_PLACED = "End_PaymentPlaced";

    private MatchingElements() {}
  }

  /** The business key of a file's import. */
  public static String businessKey(long paymentFileId) {
    return "payment-file-" + paymentFileId;
  }

  public static final ProcessVariable<Long> PAYMENT_FILE_ID = ProcessVariable.of("paymentFileId", Long.class);
  /** The index of the next payment to book (0-based, in file order). */
  public static final ProcessVariable<Integer> NEXT_PAYMENT = ProcessVariable.of("nextPayment", Integer.class);
  /** Whether payments remain after this chunk. */
  public static final ProcessVariable<Boolean> MORE = ProcessVariable.of("more", Boolean.class);
  /** The import summary, as the history shows it. */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.of("importSummary", String.class);

  /** The payments of the file that no rule placed: one "Match payment" task each. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<java.util.List<Long>> UNMATCHED_PAYMENTS =
      (ProcessVariable) ProcessVariable.of("unmatchedPayments", java.util.List.class);
  /** The payment of one "Match payment" task (the multi-instance element). */
  public static final ProcessVariable<Long> PAYMENT_ID = ProcessVariable.of("paymentId", Long.class);

  /** How many entries of the file are kept aside for a person (none: no "Review entries kept aside"). */
  public static final ProcessVariable<Integer> KEPT_ASIDE = ProcessVariable.of("keptAside", Integer.class);
  /** What a person did about the entries kept aside (forms/review-kept-aside.form); kept on the file too. */
  public static final ProcessVariable<String> KEPT_ASIDE_NOTE = ProcessVariable.of("keptAsideNote", String.class);

  /** What a person decides in "Match payment" (forms/match-payment.form). */
  public enum MatchAction { MATCH, UNALLOCATED }

  public static final ProcessVariable<String> MATCH_ACTION = ProcessVariable.of("paymentAction", String.class);
  public static final ProcessVariable<String> INVOICE_NUMBERS = ProcessVariable.of("invoiceNumbers", String.class);
  public static final ProcessVariable<String> MATCH_COMMENT = ProcessVariable.of("matchComment", String.class);

  private PaymentFileImport() {}
}
