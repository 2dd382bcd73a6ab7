package io.fordra.distribution.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.customer.Channel;
import io.fordra.distribution.DistributionService;
import io.fordra.distribution.Recipient;
import io.fordra.distribution.mailbox.MailboxDeliveryRepository.Delivery;
import io.fordra.distribution.mailbox.MailboxDeliveryRepository.Status;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The DIGITAL_MAILBOX channel alone: the Kivra client, the delivery rows and the distribution rules are mocks. What is
 * asserted: the lookup, the body stored before it is sent, nothing sent twice, and the deviations.
 */
class DigitalMailboxDistributionTest {

  private static final byte[] PDF = "%PDF-1.7 invoice".getBytes(StandardCharsets.ISO_8859_1);
  private static final Recipient PERSON = new Recipient(Channel.DIGITAL_MAILBOX, "anna@example.se", null, null, null,
      null, "19121212-1212");
  private static final String TO = "digital mailbox of 19121212-****";

  private final KivraClient kivra = mock(KivraClient.class);
  private final MailboxDeliveryRepository deliveries = mock(MailboxDeliveryRepository.class);
  private final DistributionService distribution = mock(DistributionService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final FordraClock clock = new FordraClock(ZoneId.of("Europe/Stockholm"));
  private final ObjectMapper json = new ObjectMapper();
  private final DigitalMailboxDistribution channel = new DigitalMailboxDistribution(kivra, deliveries, distribution,
      documents, invoices, Letters.SELLER, clock, json);

  private final StoredDocument letter = Letters.letter(16L, 5L, DocumentKind.INVOICE, 1, "F-2026-1.pdf", PDF);
  private final StoredDocument reminder = Letters.letter(17L, 5L, DocumentKind.REMINDER, 1, "F-2026-1-p1.pdf", PDF);
  private final Invoice invoice = Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT);

  @BeforeEach
  void annaHasAPersonnummer() {
    when(documents.get(16L)).thenReturn(letter);
    when(documents.get(17L)).thenReturn(reminder);
    when(invoices.byId(5L)).thenReturn(invoice);
    when(invoices.lock("F-2026-1")).thenReturn(invoice);
    when(distribution.recipientOf(invoice)).thenReturn(PERSON);
    when(distribution.delivered(any(), any(), any(), anyString(), anyInt(), anyString()))
        .thenReturn(InvoiceStatus.SENT);
  }

  @Test
  void aPersonWithAMailboxGetsTheInvoiceWithItsPaymentAndTheBodyIsStoredBeforeItIsSent() throws Exception {
    when(kivra.hasMailbox("191212121212")).thenReturn(true);
    when(deliveries.find(16L, 1)).thenReturn(Optional.empty()).thenAnswer(i -> Optional.of(pending(16L, stored())));
    when(kivra.sendContent(anyString())).thenReturn("obj42");

    assertThat(channel.send(16L, 1)).isEqualTo(new DigitalMailboxDistribution.Outcome(InvoiceStatus.SENT, null));

    InOrder order = inOrder(kivra, deliveries, distribution);
    order.verify(kivra).hasMailbox("191212121212");
    order.verify(deliveries).store(eq(16L), eq(1), eq("191212121212"), eq(Status.PENDING), anyString(), anyString(),
        isNull(), any());
    order.verify(kivra).sendContent(stored());
    order.verify(deliveries).markSent(eq(7L), eq("obj42"), any());
    order.verify(distribution).delivered(letter, invoice, Channel.DIGITAL_MAILBOX, TO, 1,
        "to the digital mailbox (Kivra content obj42)");
    JsonNode body = json.readTree(stored());
    assertThat(body.path("type").asText()).isEqualTo("invoice");
    assertThat(body.path("subject").asText()).isEqualTo("Faktura F-2026-1 från Exempelbolaget AB");
    assertThat(body.path("generated_at").asText()).isEqualTo("2026-11-03");
    JsonNode option = body.path("payment_multiple_options").path("options").get(0);
    assertThat(option.path("amount").asText()).isEqualTo("1000.00");
    assertThat(option.path("due_date").asText()).isEqualTo(Letters.DUE.toString());
    assertThat(option.path("reference").asText()).isEqualTo("10000180");
    assertThat(body.path("payment_multiple_options").path("account").asText())
        .isEqualTo(Letters.SELLER.bankgiro().replaceAll("\\D", ""));
    verify(invoices, never()).record(any(), any());
  }

  @Test
  void aReminderIsAnInvoiceReminderAndSendingAgainOnPurposeIsANewMessage() throws Exception {
    KivraContent first = channel.content(reminder, invoice, "191212121212", 1);
    KivraContent again = channel.content(reminder, invoice, "191212121212", 2);

    assertThat(first.type()).isEqualTo("invoice.reminder");
    assertThat(first.subject()).isEqualTo("Påminnelse: faktura F-2026-1 från Exempelbolaget AB");
    assertThat(again.subject()).isEqualTo("Påminnelse: faktura F-2026-1 från Exempelbolaget AB (skickad igen, 2)");
    assertThat(json.writeValueAsString(channel.content(reminder, invoice, "191212121212", 1).body()))
        .as("the same letter gives the same body").isEqualTo(json.writeValueAsString(first.body()));
  }

  @Test
  void aPersonWithoutAMailboxIsADeviationAndNothingIsSent() {
    when(kivra.hasMailbox("191212121212")).thenReturn(false);
    when(deliveries.find(16L, 1)).thenReturn(Optional.empty());

    DigitalMailboxDistribution.Outcome outcome = channel.send(16L, 1);

    String reason = "the person has no digital mailbox that accepts content from Exempelbolaget AB (Kivra user "
        + "matching)";
    assertThat(outcome).isEqualTo(new DigitalMailboxDistribution.Outcome(null, reason));
    verify(deliveries).store(eq(16L), eq(1), eq("191212121212"), eq(Status.NO_MAILBOX), isNull(), isNull(),
        eq(reason), any());
    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION,
        "Not sent to the digital mailbox: " + reason).via("DIGITAL_MAILBOX", TO));
    verify(kivra, never()).sendContent(anyString());
    verify(distribution, never()).delivered(any(), any(), any(), anyString(), anyInt(), anyString());
  }

  @Test
  void aCustomerWithoutAPersonnummerIsADeviationWithoutAskingKivra() {
    when(distribution.recipientOf(invoice)).thenReturn(new Recipient(Channel.DIGITAL_MAILBOX, "a@b.se", null, null,
        null, null));

    assertThat(channel.send(16L, 1).rejection()).startsWith("the customer has no Swedish personnummer");
    verify(kivra, never()).hasMailbox(anyString());
  }

  @Test
  void aRetryAfterKivraTookTheContentSendsNothing() {
    when(deliveries.find(16L, 1)).thenReturn(Optional.of(new Delivery(7L, 16L, 1, "191212121212", Status.SENT,
        "{}", "x", "obj42", null)));

    assertThat(channel.send(16L, 1).status()).isEqualTo(InvoiceStatus.SENT);

    verify(kivra, never()).hasMailbox(anyString());
    verify(kivra, never()).sendContent(anyString());
    verify(distribution).delivered(letter, invoice, Channel.DIGITAL_MAILBOX, TO, 1,
        "to the digital mailbox (Kivra content obj42)");
  }

  @Test
  void aRetryAfterAFailureSendsTheStoredBodyAgainUnchanged() {
    when(deliveries.find(16L, 1)).thenReturn(Optional.of(pending(16L, "{\"stored\":true}")));
    when(kivra.sendContent("{\"stored\":true}")).thenReturn("obj43");

    channel.send(16L, 1);

    verify(kivra, never()).hasMailbox(anyString());
    verify(kivra).sendContent("{\"stored\":true}");
    verify(deliveries, never()).store(anyLong(), anyInt(), anyString(), any(), anyString(), anyString(), any(), any());
    verify(deliveries).markSent(eq(7L), eq("obj43"), any());
  }

  @Test
  void kivraUnreachableFailsTheJobAndLeavesTheDeliveryPending() {
    when(deliveries.find(16L, 1)).thenReturn(Optional.of(pending(16L, "{}")));
    when(kivra.sendContent("{}")).thenThrow(new KivraClient.KivraUnavailableException("HTTP 500"));

    assertThatThrownBy(() -> channel.send(16L, 1)).isInstanceOf(KivraClient.KivraUnavailableException.class);

    verify(deliveries, never()).markSent(anyLong(), anyString(), any());
    verify(distribution, never()).delivered(any(), any(), any(), anyString(), anyInt(), anyString());
  }

  @Test
  void contentKivraRefusesIsADeviation() {
    when(deliveries.find(16L, 1)).thenReturn(Optional.of(pending(16L, "{}")));
    when(kivra.sendContent("{}")).thenThrow(new KivraClient.KivraRejectedException(422, "Kivra answered content "
        + "with HTTP 422"));

    assertThat(channel.send(16L, 1).rejection()).isEqualTo("Kivra answered content with HTTP 422");
    verify(deliveries).markRejected(7L, "Kivra answered content with HTTP 422");
  }

  private String stored() throws Exception {
    return json.writeValueAsString(channel.content(letter, invoice, "191212121212", 1).body());
  }

  private static Delivery pending(long documentId, String payload) {
    return new Delivery(7L, documentId, 1, "191212121212", Status.PENDING, payload,
        DigitalMailboxDistribution.sha256(payload), null, null);
  }
}
