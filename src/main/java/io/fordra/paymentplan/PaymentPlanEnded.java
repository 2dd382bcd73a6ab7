package io.fordra.paymentplan;

import java.util.List;

/**
 * A plan ended (REFUSED, PAID or BROKEN): published in the ending transaction; each covered invoice's invoice-to-cash
 * goes on from where it waited (message PaymentPlanEnded, business key = invoice number).
 */
public record PaymentPlanEnded(long planId, String planNumber, PlanStatus status, List<String> invoiceNumbers) {}
