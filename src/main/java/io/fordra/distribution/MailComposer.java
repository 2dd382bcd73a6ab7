package io.fordra.distribution;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds Fordra's e-mails: texts from src/main/resources/mail/messages*.properties (sv, nb, en), which can be changed
 * without touching Java, and attachments as stored.
 */
@Component
public class MailComposer {

  /** A file attached to a mail. */
  public record Attachment(String fileName, String mediaType, byte[] content) {}

  private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
  private final MailProperties properties;
  private final MailGateway gateway;

  public MailComposer(MailProperties properties, MailGateway gateway) {
    this.properties = properties;
    this.gateway = gateway;
    texts.setBasename("mail/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
  }

  /** The text for key in language ("sv", "nb", "en"), with {0}, {1} … filled in. */
  public String text(String key, String language, Object... args) {
    return texts.getMessage(key, args, Locale.forLanguageTag(language));
  }

  public MimeMessage compose(String messageId, String to, String subject, String body, Instant date,
                             List<Attachment> attachments) {
    try {
      MimeMessage message = gateway.newMessage(messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body);
      // The date of the step, not of the attempt: a retry produces the same message.
      helper.setSentDate(Date.from(date));
      for (Attachment a : attachments) {
        helper.addAttachment(a.fileName(), new ByteArrayDataSource(a.content(), a.mediaType()));
      }
      return message;
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Cannot build mail " + messageId + ": " + e.getMessage(), e);
    }
  }

  public void send(MimeMessage message) {
    gateway.send(message);
  }
}
