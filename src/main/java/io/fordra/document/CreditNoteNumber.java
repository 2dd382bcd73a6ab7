package io.fordra.document;

/**
 * The number of a credit note's document: the credited invoice's number, "-K" and the credit note's ordinal on that
 * invoice ("100042-K1", "100042-K2"). The one place that spells it, for the PDF and the e-invoice (UBL cbc:ID).
 */
public final class CreditNoteNumber {

  private CreditNoteNumber() {}

  public static String of(String invoiceNumber, int ordinal) {
    if (ordinal < 1) {
      throw new IllegalArgumentException("A credit note's ordinal starts at 1, not " + ordinal);
    }
    return invoiceNumber + "-K" + ordinal;
  }
}
