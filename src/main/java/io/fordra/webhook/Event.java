package io.fordra.webhook;

import java.time.Instant;

/**
 * An event as integrations receive it, pushed (the webhook body) or pulled (GET /api/events): the invoice as it stood
 * right after the event. Amounts are decimal strings in the invoice's currency. No personal data: numbers, not names.
 */
public record Event(long id, long sequence, String type, Instant occurredAt, String invoiceNumber,
                   String customerNumber, String status, String currency, String totalAmount, String paidAmount,
                   String feesAmount, String openAmount) {}
