package io.fordra.distribution.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kivra client against the local stub (port 18481): token, user matching, content field by field, faults. */
class KivraClientTest {

  private static final byte[] PDF = "%PDF-1.7\nfaktura\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
  private static KivraStub stub;

  private final ObjectMapper json = new ObjectMapper();
  private final MovableClock clock = new MovableClock();
  private KivraClient client;

  @BeforeAll
  static void startStub() throws Exception {
    stub = KivraStub.start(18481).withMailboxes("191212121212");
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @BeforeEach
  void aFreshClient() {
    stub.reset();
    client = client(KivraStub.CLIENT_SECRET, Duration.ofSeconds(5));
  }

  private KivraClient client(String secret, Duration timeout) {
    return new KivraClient(new MailboxProperties(stub.baseUrl() + "/", null, KivraStub.CLIENT_ID, secret,
        KivraStub.TENANT_KEY, Duration.ofSeconds(2), timeout), json, clock);
  }

  @Test
  void aPersonWithAMailboxIsMatchedAndOneWithoutIsNot() {
    assertThat(client.hasMailbox("191212121212")).isTrue();
    assertThat(client.hasMailbox("198001019806")).isFalse();

    assertThat(stub.matchRequests()).containsExactly(List.of("191212121212"), List.of("198001019806"));
    assertThat(stub.problems()).isEmpty();
  }

  @Test
  void theTokenIsFetchedOnceAndKeptUntilShortlyBeforeItExpires() {
    client.hasMailbox("191212121212");
    client.hasMailbox("191212121212");
    assertThat(stub.tokenRequests()).isEqualTo(1);

    clock.advance(Duration.ofHours(8).minusSeconds(61));
    client.hasMailbox("191212121212");
    assertThat(stub.tokenRequests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2)); // within the last minute of its 8 hours
    client.hasMailbox("191212121212");
    assertThat(stub.tokenRequests()).isEqualTo(2);
    assertThat(stub.problems()).isEmpty();
  }

  @Test
  void aTokenKivraNoLongerKnowsIsReplacedOnce() {
    client.hasMailbox("191212121212");
    stub.revokeTokens();

    assertThat(client.hasMailbox("191212121212")).isTrue();
    assertThat(stub.tokenRequests()).isEqualTo(2);
  }

  @Test
  void wrongCredentialsAreAFailureToRetryNamingTheTokenAnswer() {
    assertThatThrownBy(() -> client("wrong", Duration.ofSeconds(5)).hasMailbox("191212121212"))
        .isInstanceOf(KivraClient.KivraUnavailableException.class)
        .hasMessageStartingWith("Kivra answered token with HTTP 401");
  }

  @Test
  void theContentCarriesThePdfAndThePaymentFieldByField() throws Exception {
    KivraContent content = new KivraContent("191212121212", "Faktura F-2026-7 från Exempelbolaget AB",
        LocalDate.of(2026, 3, 2), "invoice", "F-2026-7.pdf", PDF, new KivraContent.Payment(true, "SEK", "50501055",
        LocalDate.of(2026, 4, 1), new BigDecimal("1250.5"), "100001807"));

    String key = client.sendContent(json.writeValueAsString(content.body()));

    assertThat(key).startsWith("obj");
    assertThat(stub.problems()).isEmpty();
    JsonNode sent = stub.delivered().get(0);
    assertThat(fieldNames(sent)).containsExactly("ssn", "subject", "generated_at", "type", "parts",
        "payment_multiple_options");
    assertThat(sent.path("ssn").asText()).isEqualTo("191212121212");
    assertThat(sent.path("subject").asText()).isEqualTo("Faktura F-2026-7 från Exempelbolaget AB");
    assertThat(sent.path("generated_at").asText()).isEqualTo("2026-03-02");
    assertThat(sent.path("type").asText()).isEqualTo("invoice");
    JsonNode part = sent.path("parts").get(0);
    assertThat(part.path("name").asText()).isEqualTo("F-2026-7.pdf");
    assertThat(part.path("content_type").asText()).isEqualTo("application/pdf");
    assertThat(Base64.getDecoder().decode(part.path("data").asText())).isEqualTo(PDF);
    JsonNode payment = sent.path("payment_multiple_options");
    assertThat(payment.path("payable").asBoolean()).isTrue();
    assertThat(payment.path("currency").asText()).isEqualTo("SEK");
    assertThat(payment.path("method").asText()).isEqualTo("1");
    assertThat(payment.path("account").asText()).isEqualTo("50501055");
    JsonNode option = payment.path("options").get(0);
    assertThat(option.path("due_date").asText()).isEqualTo("2026-04-01");
    assertThat(option.path("amount").isTextual()).isTrue();
    assertThat(option.path("amount").asText()).isEqualTo("1250.50");
    assertThat(option.path("type").asText()).isEqualTo("SE_OCR");
    assertThat(option.path("reference").asText()).isEqualTo("100001807");
  }

  @Test
  void aCreditNoteIsALetterWithoutPayment() throws Exception {
    KivraContent content = new KivraContent("191212121212", "Kreditfaktura", LocalDate.of(2026, 3, 2), "letter",
        "K-1.pdf", PDF, null);

    client.sendContent(json.writeValueAsString(content.body()));

    assertThat(stub.problems()).isEmpty();
    assertThat(fieldNames(stub.delivered().get(0))).containsExactly("ssn", "subject", "generated_at", "type",
        "parts");
  }

  @Test
  void aServerErrorOrATimeoutIsAFailureToRetryAndARefusalIsNot() throws Exception {
    String body = json.writeValueAsString(new KivraContent("191212121212", "Faktura", LocalDate.of(2026, 3, 2),
        "letter", "a.pdf", PDF, null).body());

    stub.fail(KivraStub.Fault.SERVER_ERROR);
    assertThatThrownBy(() -> client.sendContent(body)).isInstanceOf(KivraClient.KivraUnavailableException.class)
        .hasMessageContaining("HTTP 500");

    stub.slowMillis(1500);
    stub.fail(KivraStub.Fault.SLOW);
    assertThatThrownBy(() -> client(KivraStub.CLIENT_SECRET, Duration.ofMillis(300)).sendContent(body))
        .isInstanceOf(KivraClient.KivraUnavailableException.class).hasMessageContaining("did not answer");

    stub.fail(KivraStub.Fault.UNPROCESSABLE);
    assertThatThrownBy(() -> client.sendContent(body)).isInstanceOf(KivraClient.KivraRejectedException.class)
        .hasMessageContaining("HTTP 422");
  }

  @Test
  void personnummerInEveryFormBecomeTwelveDigits() {
    LocalDate today = LocalDate.of(2026, 12, 4);
    assertThat(Personnummer.twelveDigits("121212-1212", today)).isEqualTo("201212121212");
    assertThat(Personnummer.twelveDigits("121212+1212", today)).isEqualTo("191212121212");
    assertThat(Personnummer.twelveDigits("19121212-1212", today)).isEqualTo("191212121212");
    assertThat(Personnummer.twelveDigits("800101-9806", today)).isEqualTo("198001019806");
    assertThat(Personnummer.twelveDigits("5566778899x", today)).isNull();
    assertThat(Personnummer.masked("191212121212")).isEqualTo("19121212-****");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
