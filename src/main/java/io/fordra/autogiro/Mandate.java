package io.fordra.autogiro;

import java.time.Instant;

/**
 * One direct-debit mandate (a row of fordra_mandate).
 *
 * @param payerNumber   the Autogiro betalarnummer (1-16 digits) under which the bank knows the payer
 * @param payerAccount  the payer's clearing and account number ("8327-9 123456789" → digits) or bankgiro, where known
 * @param payerId       personnummer (12 digits, YYYYMMDDNNNN) or organisationsnummer (16 + 10 digits), where known
 * @param statusCode    the bank's information and comment codes of the latest advice ("04/32"), if any
 * @param statusText    what they mean, or why Fordra cancelled it
 * @param pendingAction what the next mandate file says about it: NEW (TK04), CANCEL (TK03) or null (nothing)
 */
public record Mandate(long id, MandateScheme scheme, String customerNumber, String payerNumber, String payerAccount,
                      String payerId, MandateStatus status, String statusCode, String statusText, Origin origin,
                      PendingAction pendingAction, Instant createdAt, Instant updatedAt) {

  /** FORDRA: Fordra asked the bank; BANK: the payer gave it in their internet bank; MIGRATED: taken over by V37. */
  public enum Origin { FORDRA, BANK, MIGRATED }

  public enum PendingAction { NEW, CANCEL }
}
