package io.fordra.interest;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.interest.*: when interest invoices are due, the Swedish förseningsersättning (lag 1981:739 § 4 a: 450 SEK
 * from a business debtor, once per invoice, when interest falls due), and how many customers a run handles per
 * transaction; how many days before each 1 January and 1 July finance is asked for the half-year's rate
 * (reference-rate-reminder).
 */
@ConfigurationProperties("fordra.interest")
record InterestProperties(Integer paymentDays, BigDecimal lateCompensation, Boolean lateCompensationEnabled,
                                 Integer chunk, Integer rateReminderDaysBefore) {

  public InterestProperties {
    paymentDays = paymentDays == null ? 30 : paymentDays;
    lateCompensation = lateCompensation == null ? new BigDecimal("450.00") : lateCompensation.setScale(2);
    lateCompensationEnabled = lateCompensationEnabled == null || lateCompensationEnabled;
    chunk = chunk == null ? 100 : chunk;
    rateReminderDaysBefore = rateReminderDaysBefore == null ? 14 : rateReminderDaysBefore;
    if (paymentDays < 0 || chunk < 1 || lateCompensation.signum() < 0) {
      throw new IllegalArgumentException("fordra.interest: payment-days >= 0, chunk >= 1, late-compensation >= 0");
    }
    // Within a half-year: the reminder of a half-year must not come before the previous one has started.
    if (rateReminderDaysBefore < 0 || rateReminderDaysBefore > 180) {
      throw new IllegalArgumentException("fordra.interest.rate-reminder-days-before: between 0 and 180");
    }
  }
}
