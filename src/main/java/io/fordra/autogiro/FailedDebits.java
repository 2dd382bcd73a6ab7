package io.fordra.autogiro;

/**
 * Where a failed debit goes: the existing failed-debit bounce of distribution (the order FAILED, the invoice sent by
 * the reserve channel, dunning as usual). A port, so that the debit files do not depend on distribution.
 */
public interface FailedDebits {

  /** The bank did not debit the invoice (or cannot: no active mandate on the debit date); reason in words. */
  void failed(String invoiceNumber, String reason);
}
