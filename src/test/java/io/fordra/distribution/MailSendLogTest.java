package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A send job that runs again after the SMTP server had accepted its message, but its transaction was lost (the node
 * killed before the commit: issue 17, item 4), does not send the message a second time. Real SMTP (GreenMail), the
 * V30 table on H2, no Spring.
 */
class MailSendLogTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private HikariDataSource database;
  private MailSendLog sendLog;

  @BeforeEach
  void table() throws Exception {
    database = new HikariDataSource();
    database.setJdbcUrl("jdbc:h2:mem:mail-send-log-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = database.getConnection()) {
      c.createStatement().execute(new ClassPathResource("db/migration/V30__mail_sent.sql")
          .getContentAsString(StandardCharsets.UTF_8));
    }
    sendLog = MailSendLog.on(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aMessageTheServerAcceptedIsNotSentAgainWhenItsJobRunsAgain() throws Exception {
    MailGateway gateway = gateway(smtp.getSmtp().getPort());

    gateway.send(message(gateway, "<F-1.invoice.1@fordra.test>"));
    // The node died before the job's commit: the job runs again and sends the same message.
    gateway.send(message(gateway, "<F-1.invoice.1@fordra.test>"));
    gateway.send(message(gateway, "<F-2.invoice.1@fordra.test>"));

    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
        .containsExactly("<F-1.invoice.1@fordra.test>", "<F-2.invoice.1@fordra.test>");
    assertThat(sendLog.accepted("<F-1.invoice.1@fordra.test>")).isTrue();
  }

  @Test
  void aMessageTheServerDidNotTakeIsSentWhenRetried() throws Exception {
    MailGateway down = gateway(closedPort());
    assertThatThrownBy(() -> down.send(message(down, "<F-3.invoice.1@fordra.test>")))
        .isInstanceOf(RuntimeException.class);
    assertThat(sendLog.accepted("<F-3.invoice.1@fordra.test>")).isFalse();

    MailGateway up = gateway(smtp.getSmtp().getPort());
    up.send(message(up, "<F-3.invoice.1@fordra.test>"));

    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
        .containsExactly("<F-3.invoice.1@fordra.test>");
  }

  @Test
  void anAcceptedMessageTheDatabaseCouldNotRecordIsKeptInMemory() {
    // PostgreSQL restarted right after the server's 250 (issue 17, item 7): the insert fails, the job's retry on
    // this node must still find the message.
    database.close();
    sendLog.recordAccepted("<F-4.invoice.1@fordra.test>");

    assertThat(sendLog.accepted("<F-4.invoice.1@fordra.test>")).isTrue();
    assertThatThrownBy(() -> sendLog.accepted("<F-5.invoice.1@fordra.test>")).isInstanceOf(IllegalStateException.class);
  }

  private MailGateway gateway(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("smtp", sender));
    return new MailGateway(beans.getBeanProvider(JavaMailSender.class),
        new MailProperties("faktura@exempelbolaget.se", "target/mail-send-log-outbox", "fordra.test"), sendLog);
  }

  private static MimeMessage message(MailGateway gateway, String id) throws Exception {
    MimeMessage message = gateway.newMessage(id);
    message.setFrom(new InternetAddress("faktura@exempelbolaget.se"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("kund@example.se"));
    message.setSubject("Faktura");
    message.setText("Hej");
    return message;
  }

  private static int closedPort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
