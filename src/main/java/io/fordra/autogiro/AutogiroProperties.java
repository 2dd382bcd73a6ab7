package io.fordra.autogiro;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.autogiro.*: where Autogiro files to Bankgirot are written (outbox) and where Bankgirot's files arrive (inbox),
 * the payee's Bankgirot customer number (kundnummer, 6 digits) and bankgiro number, and when the day's mandate file is
 * written (mandate-file-cron, 6-field cron, "-" = never) and the inbox looked at (inbox-cron). The payment files
 * (AutogiroPaymentFiles) use the same outbox and numbers; their schedule is payment-file-cron.
 */
@ConfigurationProperties("fordra.autogiro")
public record AutogiroProperties(Path outbox, Path inbox, String customerNumber, String bankgiro,
                                 String mandateFileCron, String inboxCron) {

  public AutogiroProperties {
    outbox = outbox == null ? Path.of("data/autogiro-outbox") : outbox;
    inbox = inbox == null ? Path.of("data/autogiro-inbox") : inbox;
    customerNumber = customerNumber == null ? "" : customerNumber.strip();
    bankgiro = bankgiro == null ? "" : bankgiro.strip();
  }

  /** The bankgiro number's digits ("5050-1055" → "50501055"). */
  public String bankgiroDigits() {
    return bankgiro.replaceAll("\\D", "");
  }

  /** Why no Autogiro file can be written (null: it can): a customer number of 1-6 digits, a bankgiro of 7-8. */
  public String configurationProblem() {
    if (!customerNumber.matches("\\d{1,6}")) {
      return "fordra.autogiro.customer-number must be Bankgirot's customer number, up to 6 digits (got '"
          + customerNumber
          + "')";
    }
    if (!bankgiroDigits().matches("\\d{7,8}") || bankgiro.replaceAll("[\\d -]", "").length() > 0) {
      return "fordra.autogiro.bankgiro must be the payee's bankgiro number, 7 or 8 digits (got '" + bankgiro + "')";
    }
    return null;
  }
}
