package io.fordra.dispute;

/** What an objection's answer credited: the model routes on it ("Apply the answer" and what follows). */
public enum ObjectionCredit {
  /** Rejected: nothing credited. */
  NONE,
  /** Something is still owed: the credit note is sent and follow-up continues on the rest. */
  IN_PART,
  /** Nothing is left to pay: follow-up ends as credited. */
  IN_FULL
}
