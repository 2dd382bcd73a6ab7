package io.fordra.invoice;

public enum InvoiceStatus {
  CREATED, WAITING_TO_BE_SENT, SENT, OVERDUE, REMINDED, COLLECTION_NOTICE_SENT, IN_COLLECTION, PAID, CREDITED, CLOSED;

  /** Paid, credited or closed: nothing more is followed up. */
  public boolean isFinal() {
    return this == PAID || this == CREDITED || this == CLOSED;
  }
}
