package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One part of a plan: its number (1 = first), when it is due and how much. */
public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {}
