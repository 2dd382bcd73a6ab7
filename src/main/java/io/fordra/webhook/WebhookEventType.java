package io.fordra.webhook;

import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an ERP or CRM hears about an invoice: the state changes of issue 18 section 5, each from one or more invoice
 * events. The other invoice events (queued, fee charged, channel chosen …) are Fordra's own bookkeeping and are not
 * published.
 */
public enum WebhookEventType {
  INVOICE_CREATED("invoice.created"),
  INVOICE_SENT("invoice.sent"),
  INVOICE_OVERDUE("invoice.overdue"),
  /** A reminder or the collection notice (the last reminder before the agency) was sent. */
  INVOICE_REMINDED("invoice.reminded"),
  INVOICE_PAID("invoice.paid"),
  INVOICE_CREDITED("invoice.credited"),
  OBJECTION_RAISED("invoice.objection_raised"),
  OBJECTION_ANSWERED("invoice.objection_answered"),
  /** The objection was withdrawn by the customer or closed without an answer: the amount is no longer disputed. */
  OBJECTION_CLOSED("invoice.objection_closed"),
  INVOICE_HANDED_OFF("invoice.handed_off"),
  INVOICE_CLOSED("invoice.closed");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API, the Fordra-Event-Type header and the body's "type". */
  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  /** Whether an invoice event of this type may be published (then {@link #of} decides with the status). */
  static boolean candidate(InvoiceEventType type) {
    return of(type, null).isPresent() || type == InvoiceEventType.CONCILIATION_BOARD;
  }

  /**
   * The published type of an invoice event, given the invoice's status right after it. The agency's closing of a
   * case is a payment when the invoice ended PAID; the conciliation board's event closes the claim only when the
   * invoice is CLOSED by it (its other event just records the case summary).
   */
  static Optional<WebhookEventType> of(InvoiceEventType type, InvoiceStatus status) {
    return Optional.ofNullable(switch (type) {
      case CREATED -> INVOICE_CREATED;
      case SENT -> INVOICE_SENT;
      case OVERDUE -> INVOICE_OVERDUE;
      case REMINDER_SENT, COLLECTION_NOTICE_SENT -> INVOICE_REMINDED;
      case PAID -> INVOICE_PAID;
      case CREDITED -> INVOICE_CREDITED;
      case OBJECTION_RAISED -> OBJECTION_RAISED;
      case OBJECTION_ANSWERED -> OBJECTION_ANSWERED;
      case OBJECTION_WITHDRAWN, OBJECTION_CLOSED -> OBJECTION_CLOSED;
      case HANDED_OFF -> INVOICE_HANDED_OFF;
      case CLAIM_CLOSED -> INVOICE_CLOSED;
      case COLLECTION_CASE_CLOSED -> status == InvoiceStatus.PAID ? INVOICE_PAID : INVOICE_CLOSED;
      case CONCILIATION_BOARD -> status == InvoiceStatus.CLOSED ? INVOICE_CLOSED : null;
      default -> null;
    });
  }
}
