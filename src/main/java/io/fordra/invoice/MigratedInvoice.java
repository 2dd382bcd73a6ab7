package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An open invoice as the previous system has it at cut-over: the invoice itself (lines or totals per VAT rate, as
 * POST /api/invoices takes them) and where its follow-up stood there. Fordra takes it over without sending it.
 *
 * @param paidAmount          paid in the previous system before cut-over
 * @param feesAmount          reminder and collection-notice fees the previous system charged
 * @param status              the status it starts with (SENT, REMINDED, COLLECTION_NOTICE_SENT, IN_COLLECTION)
 * @param dunningLevel        letters sent since the due date (the dunning policy's input)
 * @param paymentReference    the previous system's OCR/KID, kept so that payments quoting it match; null for a new one
 * @param step                the dunning step as the file said it, for the invoice's history and Cockpit
 * @param fileId              the migration file it came from
 * @param cutOverDate         the day the opening entry is dated (booked on the first open day from it)
 */
public record MigratedInvoice(InvoiceRequest request, BigDecimal paidAmount, BigDecimal feesAmount,
                              InvoiceStatus status, int dunningLevel, int remindersSent, int reminderFeesCharged,
                              LocalDate payBy, String paymentReference, InvoiceFollowUp.Stage stage, String step,
                              long fileId, LocalDate cutOverDate) {}
