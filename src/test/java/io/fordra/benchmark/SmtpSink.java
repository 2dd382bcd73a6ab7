package io.fordra.benchmark;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SMTP server on loopback (GreenMail) that counts what it receives and keeps nothing but the Message-IDs: the
 * benchmark's heap must not fill with thousands of PDFs. Every message is still received over SMTP and parsed
 * by GreenMail; only the delivery into a mailbox is replaced by counting.
 */
final class SmtpSink implements AutoCloseable {

  private final GreenMail server;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  /** Message-ID → how often it arrived: more than once is a mail sent twice. */
  private final Map<String, Integer> messageIds = new ConcurrentHashMap<>();

  SmtpSink(int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    GreenMailUser counter = counter();
    server.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      // One SMTP transaction may name several recipients: the message is counted once, with its first recipient.
      if (recipient.equals(message.getToAddresses().iterator().next())) {
        count(message);
      }
      return counter;
    });
    server.start();
  }

  private void count(MovingMessage message) throws MessagingException {
    messages.incrementAndGet();
    bytes.addAndGet(Math.max(0, message.getMessage().getSize()));
    String id = message.getMessage().getMessageID();
    messageIds.merge(id == null ? "(none)" : id, 1, Integer::sum);
  }

  /** A mailbox user whose deliver() drops the message (it was counted); nothing else of it is used. */
  private static GreenMailUser counter() {
    return (GreenMailUser) Proxy.newProxyInstance(SmtpSink.class.getClassLoader(), new Class<?>[] {GreenMailUser.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getEmail" -> "sink@benchmark.invalid";
          case "getLogin", "getQualifiedMailboxName" -> "sink";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "SmtpSink user";
          default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
  }

  long messages() {
    return messages.get();
  }

  long bytes() {
    return bytes.get();
  }

  long distinctMessageIds() {
    return messageIds.size();
  }

  /** Message-IDs that arrived more than once, and how many extra copies there were. */
  long duplicates() {
    return messageIds.values().stream().mapToLong(c -> c - 1L).sum();
  }

  boolean everyMessageHasAnId() {
    return !messageIds.containsKey("(none)");
  }

  @Override
  public void close() {
    server.stop();
  }
}
