package io.fordra.webhook;

import io.fordra.invoice.InvoiceEventLog;
import io.fordra.invoice.InvoiceEventRecorded;
import io.fordra.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox row of a published invoice event in the transaction that records the event (InvoiceService calls
 * this port on the caller's connection): the row exists if and only if the change committed. It keeps the invoice
 * as it stood right after the event, so that a delivery made later still tells what this event changed.
 */
@Component
class EventOutbox implements InvoiceEventLog {

  private final JdbcClient jdbc;

  EventOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void recorded(InvoiceEventRecorded event) {
    if (!WebhookEventType.candidate(event.type())) {
      return;   // most events are internal steps: no read, no row
    }
    Snapshot invoice = jdbc.sql("""
            SELECT invoice_number, customer_number, status, currency, total_amount, paid_amount, fees_amount,
              credited_amount, written_off_amount FROM fordra_invoice WHERE id = ?""")
        .param(event.invoiceId())
        .query((rs, n) -> new Snapshot(rs.getString("invoice_number"), rs.getString("customer_number"),
            InvoiceStatus.valueOf(rs.getString("status")), rs.getString("currency"), rs.getBigDecimal("total_amount"),
            rs.getBigDecimal("paid_amount"), rs.getBigDecimal("fees_amount"), rs.getBigDecimal("credited_amount"),
            rs.getBigDecimal("written_off_amount")))
        .single();
    WebhookEventType.of(event.type(), invoice.status()).ifPresent(type -> jdbc.sql("""
            INSERT INTO fordra_event_outbox (event_id, invoice_id, event_type, occurred_at, invoice_number,
              customer_number, invoice_status, currency, total_amount, paid_amount, fees_amount, open_amount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(event.eventId(), event.invoiceId(), type.wireName(), event.occurredAt().atOffset(ZoneOffset.UTC),
            invoice.invoiceNumber(), invoice.customerNumber(), invoice.status().name(), invoice.currency(),
            invoice.total(), invoice.paid(), invoice.fees(), invoice.open())
        .update());
  }

  private record Snapshot(String invoiceNumber, String customerNumber, InvoiceStatus status, String currency,
                          BigDecimal total, BigDecimal paid, BigDecimal fees, BigDecimal credited,
                          BigDecimal writtenOff) {

    /** As Invoice.openAmount(): total and fees less what was paid, credited and written off, never below zero. */
    BigDecimal open() {
      return total.add(fees).subtract(paid).subtract(nz(credited)).subtract(nz(writtenOff)).max(BigDecimal.ZERO);
    }

    private static BigDecimal nz(BigDecimal amount) {
      return amount == null ? BigDecimal.ZERO : amount;
    }
  }
}
