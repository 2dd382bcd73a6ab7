package io.fordra.distribution;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import io.fordra.customer.Country;
import io.fordra.invoice.Money;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds Fordra's e-mails: texts from src/main/resources/mail/messages*.properties (sv, nb, en), which can be changed
 * without touching Java, and attachments as stored. Dates, amounts and the seller's payment details are put in as the
 * mail's language writes them (the patterns are in the same files).
 */
@Component
public class MailComposer {

  /**
   * A file attached to a mail; an inline one (the "Betala med QR" code) is shown in the mail where the reader allows,
   * with its file name as Content-ID.
   */
  public record Attachment(String fileName, String mediaType, byte[] content, boolean inline) {

    public Attachment(String fileName, String mediaType, byte[] content) {
      this(fileName, mediaType, content, false);
    }

    public static Attachment inline(String fileName, String mediaType, byte[] content) {
      return new Attachment(fileName, mediaType, content, true);
    }
  }

  private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
  private final MailProperties properties;
  private final MailGateway gateway;
  private final SellerProperties seller;

  public MailComposer(MailProperties properties, MailGateway gateway, SellerProperties seller) {
    this.properties = properties;
    this.gateway = gateway;
    this.seller = seller;
    texts.setBasename("mail/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
  }

  /** The Message-ID of one step's mail about an invoice: the same step sent again keeps it (see MailProperties). */
  public String messageId(String invoiceNumber, String step) {
    return properties.messageId(invoiceNumber, step);
  }

  /** The text for key in language ("sv", "nb", "en"), with {0}, {1} … filled in. */
  public String text(String key, String language, Object... args) {
    return texts.getMessage(key, args, Locale.forLanguageTag(language));
  }

  /** A date as the language writes it in a letter: "2 december 2026", "2. desember 2026", "2 December 2026". */
  public String date(LocalDate day, String language) {
    return day.format(DateTimeFormatter.ofPattern(text("format.date", language), Locale.forLanguageTag(language)));
  }

  /** An amount with its currency as the language writes it: "2 500,00 SEK", "2,500.00 SEK". */
  public String amount(BigDecimal amount, String currency, String language) {
    return Money.format(amount, language) + " " + currency;
  }

  /** Where the seller is paid: its bankgiro, or else its account (IBAN). */
  public String payTo(String language) {
    if (seller.bankgiro() != null && !seller.bankgiro().isBlank()) {
      return text("format.pay-to.bankgiro", language, seller.bankgiro());
    }
    if ((seller.bankAccount() == null || seller.bankAccount().isBlank()) && seller.iban() != null
        && !seller.iban().isBlank()) {
      return "IBAN " + seller.iban();
    }
    return text("format.pay-to.account", language, seller.bankAccount());
  }

  /**
   * Where a payer in the customer's country pays: abroad a bankgiro or domestic account cannot be paid into, so the
   * IBAN (with the BIC) where the seller has one; at home as {@link #payTo(String)}.
   */
  public String payTo(String language, Country customerCountry) {
    boolean abroad = customerCountry != null && !customerCountry.hasOwnRules();
    if (abroad && seller.iban() != null && !seller.iban().isBlank()) {
      return "IBAN " + seller.iban() + (seller.bic() == null || seller.bic().isBlank() ? "" : ", BIC " + seller.bic());
    }
    return payTo(language);
  }

  /** What the payment reference is called where the seller is: KID in Norway, OCR in Sweden. */
  public String referenceLabel() {
    return seller.country() == Country.NO ? "KID" : "OCR";
  }

  /**
   * A plain text mail with attachments (multipart/mixed). Built with the Jakarta Mail API directly: Spring's
   * MimeMessageHelper reloads the MIME type map from the class path for every message.
   */
  public MimeMessage compose(String messageId, String to, String subject, String body, Instant date,
                             List<Attachment> attachments) {
    try {
      MimeMessage message = gateway.newMessage(messageId);
      message.setFrom(new InternetAddress(properties.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      message.setSubject(subject, "UTF-8");
      // The date of the step, not of the attempt: a retry produces the same message.
      message.setSentDate(Date.from(date));
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      mixed.addBodyPart(text);
      for (Attachment a : attachments) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.mediaType())));
        part.setFileName(a.fileName());
        part.setDisposition(a.inline() ? Part.INLINE : Part.ATTACHMENT);
        if (a.inline()) {
          part.setContentID("<" + a.fileName() + ">");
        }
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
      return message;
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Cannot build mail " + messageId + ": " + e.getMessage(), e);
    }
  }

  public void send(MimeMessage message) {
    gateway.send(message);
  }
}
