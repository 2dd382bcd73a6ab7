package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit note on an invoice: the amount credited (incl. VAT) and why. ordinal counts the invoice's credit notes
 * (1, 2 …) in the order they were made; it numbers the credit note's document.
 */
public record CreditNote(long id, long invoiceId, int ordinal, BigDecimal amount, String reason, Instant createdAt) {}
