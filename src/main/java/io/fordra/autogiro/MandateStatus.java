package io.fordra.autogiro;

/**
 * Where a mandate stands: REQUESTED (Fordra is to send it to the bank), SENT (in a mandate file, the bank's answer
 * awaited), ACTIVE (the bank approved it: only an active mandate is debited), REJECTED (the bank refused it, with its
 * code and text), CANCELLED (by Fordra, the payer or the bank).
 */
public enum MandateStatus {
  REQUESTED, SENT, ACTIVE, REJECTED, CANCELLED;

  public boolean isOpen() {
    return this == REQUESTED || this == SENT || this == ACTIVE;
  }
}
