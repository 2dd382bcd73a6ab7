package io.fordra.distribution;

import io.fordra.document.MessageIds;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** fordra.mail.*: the sender, and the outbox used when no SMTP server (spring.mail.host) is configured. */
@ConfigurationProperties("fordra.mail")
public record MailProperties(String from, String outbox, String messageIdDomain) implements MessageIds {

  /**
   * The Message-ID of an invoice's mail for one step ("invoice.1", "reminder.2", "agency-payment.17" …): derived
   * from invoice number and step, so that a retried job sends a message receivers recognise as the same one.
   */
  @Override
  public String messageId(String invoiceNumber, String step) {
    return "<" + invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "." + step + "@" + messageIdDomain + ">";
  }
}
