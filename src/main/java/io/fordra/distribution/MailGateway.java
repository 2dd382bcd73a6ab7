package io.fordra.distribution;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends MIME messages through SMTP (spring.mail.*), or, where no SMTP server is configured, writes the very same
 * message as an RFC 822 .eml file to fordra.mail.outbox. Messages keep the Message-ID they were given, so a retried
 * job sends a message that receivers recognise as the same one.
 */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  static {
    nameStreamProvider();
  }

  /**
   * Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader scan of the class path for every multipart, subject
   * and body part it encodes (a twentieth of a sending job's CPU in the billing-run profile). Named in its system
   * property, it is one cached class lookup. Only if nobody chose another and Angus Mail's provider is there.
   */
  static void nameStreamProvider() {
    String property = "jakarta.mail.util.StreamProvider";
    String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
    if (System.getProperty(property) != null) {
      return;
    }
    try {
      Class.forName(angus, false, MailGateway.class.getClassLoader());
      System.setProperty(property, angus);
    } catch (ClassNotFoundException notAngus) {
      // Another Jakarta Mail implementation: it keeps its own lookup.
    }
  }

  private final JavaMailSender smtp;
  private final MailSendLog sent;
  private final Path outbox;
  /** One session for the outbox: creating a Session loads the mail providers from the class path each time. */
  private final Session outboxSession = Session.getInstance(new Properties());

  public MailGateway(ObjectProvider<JavaMailSender> smtp, MailProperties properties, MailSendLog sent) {
    this.smtp = smtp.getIfAvailable();
    this.sent = sent;
    this.outbox = Path.of(properties.outbox() == null ? "data/outbox" : properties.outbox());
    if (this.smtp == null) {
      log.info("No SMTP server configured (spring.mail.host): mail is written to {}", outbox.toAbsolutePath());
    }
  }

  /** A new message whose Message-ID stays the one given, whatever the transport does. */
  public MimeMessage newMessage(String messageId) {
    Session session = smtp instanceof JavaMailSenderImpl impl ? impl.getSession() : outboxSession;
    return new FixedIdMimeMessage(session, messageId);
  }

  public void send(MimeMessage message) {
    try {
      if (smtp != null) {
        sendOnce(message);
      } else {
        writeToOutbox(message);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not send mail: " + e.getMessage(), e);
    }
  }

  /**
   * Through SMTP at most once per Message-ID that the server accepted: a job run again after its transaction was
   * lost finds the id in the send log and goes on as if it had just sent it (the outbox needs no log: the same id
   * replaces the same file).
   */
  private void sendOnce(MimeMessage message) {
    String id = message instanceof FixedIdMimeMessage fixed ? fixed.messageId : null;
    if (id != null && sent.accepted(id)) {
      log.info("{} was accepted by the SMTP server before; not sent again", id);
      return;
    }
    smtp.send(message);
    if (id != null) {
      sent.recordAccepted(id);
    }
  }

  private void writeToOutbox(MimeMessage message) throws MessagingException {
    message.saveChanges();
    String name = message.getMessageID().replaceAll("[^A-Za-z0-9._@-]", "") + ".eml";
    try {
      Files.createDirectories(outbox);
      // A fixed name, not createTempFile, whose 0600 would keep a mail pick-up run as another user from reading it.
      Path temp = outbox.resolve("." + name + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        message.writeTo(out);
      }
      // Same name for the same Message-ID: a retry replaces the file instead of adding a second message.
      Files.move(temp, outbox.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write mail to " + outbox, e);
    }
  }

  /** A MimeMessage that does not replace its Message-ID when saved or sent. */
  static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
