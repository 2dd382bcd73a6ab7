package io.fordra.dispute;

import java.math.BigDecimal;
import java.time.Instant;

/** POST /api/invoices/{n}/objections. No disputedAmount = the whole open amount. */
public record ObjectionRequest(BigDecimal disputedAmount, String reason, RaisedBy raisedBy, Instant receivedAt) {}
