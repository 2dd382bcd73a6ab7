package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.distribution.print.PrintBatch;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.distribution.print.PrintBatchStatus;
import io.fordra.distribution.print.PrintItem;
import io.fordra.distribution.print.PrintRecipient;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.document.paynow.QrDecoder;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.process.FordraClock;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.junit.jupiter.api.Test;

/**
 * Distribution alone: no Spring, no engine, no mail server. Documents, invoices, customers, the mail composer and the
 * process port are mocks; the recipient and the channel settings are the real value objects. A bounce is not
 * DistributionService's: DeviationService publishes DocumentBounced (see DeviationServiceTest).
 */
class DistributionServiceTest {

  private static final Customer ANNA = Letters.customer("Anna Svensson");
  private static final String ANNA_BY_POST = "Anna Svensson, Storgatan 1, 111 22 Stockholm, SE";
  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  /** Invoice INV-7 (id 7) of 1,000.00 SEK, queued to be sent. */
  private static final Invoice QUEUED = Letters.invoice(7L, "INV-7", InvoiceStatus.WAITING_TO_BE_SENT);
  /** Its invoice letter (document 5), produced while the invoice was CREATED and not sent yet. */
  private static final StoredDocument LETTER = Letters.letter(5L, 7L, DocumentKind.INVOICE, 1, "INV-7.pdf", PDF);
  private static final StoredDocument REMINDER = Letters.letter(6L, 7L, DocumentKind.REMINDER, 1,
      "INV-7-reminder-1.pdf", PDF);

  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final MailComposer mail = mock(MailComposer.class);
  private final InvoiceDistributions distributions = mock(InvoiceDistributions.class);
  /** The customer's own payer number stands for an active mandate here (the mandates are autogiro's to test). */
  private final io.fordra.autogiro.MandateQuery mandates = mock(io.fordra.autogiro.MandateQuery.class,
      invocation -> invocation.getArgument(0) instanceof io.fordra.customer.Customer c
          ? java.util.Optional.ofNullable(c.directDebitMandate()) : java.util.Optional.empty());
  private final DirectDebitRepository directDebits = mock(DirectDebitRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final PrintBatchService printBatches = mock(PrintBatchService.class);

  /** All channels active, EMAIL the default and PRINT the reserve (application.yaml's defaults). */
  private DistributionService service = service(new DistributionProperties(null, null, null, null));

  @BeforeEach
  void annaIsCustomerC1() {
    when(clock.now()).thenReturn(Letters.NOW);
    when(customers.get("C-1")).thenReturn(ANNA);
    when(documents.get(5L)).thenReturn(LETTER);
    when(documents.get(6L)).thenReturn(REMINDER);
    when(invoices.byId(7L)).thenReturn(QUEUED);
    when(invoices.lock("INV-7")).thenReturn(QUEUED);
  }

  // --- recipient and channel ---

  @Test
  void theRecipientIsTheCustomerWithHerEmailAndPostalAddress() {
    Recipient recipient = service.recipientOf(QUEUED);

    assertThat(recipient).isEqualTo(new Recipient(Channel.EMAIL, "anna@example.se",
        new Recipient.Postal("Anna Svensson", null, ANNA.address()), null, null, null));
    assertThat(recipient.describe(Channel.PRINT)).isEqualTo(ANNA_BY_POST);
    assertThat(service.numberOf(LETTER)).isEqualTo("INV-7");
  }

  @Test
  void theChannelDecisionGetsTheCustomersChannelAndWhatReachesHer() {
    assertThat(service.facts(5L, null)).isEqualTo(new DistributionService.ChannelFacts("INVOICE", Channel.EMAIL,
        true, Channel.EMAIL, Channel.PRINT, true, true, false, false));
  }

  @Test
  void aNamedChannelThatIsSwitchedOffIsGivenToTheDecisionAsInactive() {
    service = service(new DistributionProperties(null, EnumSet.of(Channel.EMAIL, Channel.PRINT), null, null));

    assertThat(service.facts(6L, "EINVOICE")).isEqualTo(new DistributionService.ChannelFacts("REMINDER",
        Channel.EINVOICE, false, Channel.EMAIL, Channel.PRINT, true, true, false, false));
  }

  /** The customer's own channel needs no word in the history; the reserve does, with where it goes. */
  @Test
  void aChannelOtherThanTheCustomersOwnIsRecordedWithItsRecipient() {
    service.recordChoice(5L, "EMAIL", "the customer's preferred channel", false);
    verify(invoices, never()).record(any(), any());

    service.recordChoice(5L, "PRINT", "the reserve channel: EINVOICE is not active", false);

    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.CHANNEL_CHOSEN,
        "INV-7.pdf goes by PRINT (the reserve channel: EINVOICE is not active)").via("PRINT", ANNA_BY_POST));
  }

  @Test
  void noChannelIsADeviationForACaseHandler() {
    service.recordChoice(5L, DistributionService.NO_CHANNEL, "no channel reaches the customer", true);

    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION,
        "INV-7.pdf: no channel reaches the customer after the deviation; a case handler corrects the address or "
            + "chooses a channel"));
    verifyNoInteractions(customers);
  }

  // --- sending and delivery ---

  @Test
  void anInvoiceIsMailedWithItsPdfAndTheInvoiceBecomesSent() {
    MimeMessage message = mock(MimeMessage.class);
    when(mail.text(anyString(), anyString(), any(Object[].class)))
        .thenAnswer(call -> "text of " + call.getArgument(0));
    when(mail.payTo("sv")).thenReturn("bankgiro 5050-1055");
    when(mail.referenceLabel()).thenReturn("OCR");
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<MailComposer.Attachment>> attachments = ArgumentCaptor.forClass(List.class);
    when(mail.compose(eq("<INV-7.pdf@fordra.test>"), eq("anna@example.se"), eq("text of mail.INVOICE.subject"),
        eq("text of mail.INVOICE.body"), eq(Letters.NOW), attachments.capture())).thenReturn(message);

    assertThat(service.sendByEmail(5L, 1, false)).isEqualTo(InvoiceStatus.SENT);

    verify(mail).text("mail.INVOICE.subject", "sv", "Anna Svensson", "INV-7", "1\u00a0000,00", "SEK",
        "2026-10-31", "bankgiro 5050-1055", "10000180", "OCR", "Exempelbolaget AB", "faktura@exempelbolaget.se",
        "1\u00a0000,00", "0,00", "text of mail.payNow.qr");
    // The PDF, and beside it the "Betala med QR" code of what the letter asks: decoded, it is the letter's slip.
    assertThat(attachments.getValue()).hasSize(2);
    assertThat(attachments.getValue().get(0)).isEqualTo(new MailComposer.Attachment("INV-7.pdf", Letters.PDF, PDF));
    MailComposer.Attachment code = attachments.getValue().get(1);
    assertThat(code.fileName()).isEqualTo(DistributionService.QR_FILE_NAME);
    assertThat(code.mediaType()).isEqualTo("image/png");
    assertThat(code.inline()).isTrue();
    JsonNode qr = QrDecoder.json(QrDecoder.png(code.content()));
    assertThat(qr.get("iref").asText()).isEqualTo("10000180");
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(qr.get("ddt").asText()).isEqualTo("20261031");
    assertThat(qr.get("pt").asText()).isEqualTo("BG");
    assertThat(qr.get("acc").asText()).isEqualTo("5050-1055");
    assertThat(qr.get("nme").asText()).isEqualTo("Exempelbolaget AB");
    verify(mail).send(message);
    verify(documents).markSent(LETTER, "EMAIL", "anna@example.se");
    verify(invoices).changeStatus(QUEUED, InvoiceStatus.SENT, InvoiceEvent.of(InvoiceEventType.SENT,
        "INV-7.pdf sent by e-mail, 1,000.00 SEK to pay by 2026-10-31").via("EMAIL", "anna@example.se"));
  }

  @Test
  void anInvoicePaidOrCreditedInPartBeforeItLeftIsMailedWithItsTotalAndWhatIsLeftToPay() {
    // Brought up to date after the undo window: 400.00 paid or credited, 600.00 left of 1,000.00.
    StoredDocument letter = new StoredDocument(9L, 7L, DocumentKind.INVOICE, 1, "INV-7.pdf", Letters.PDF, PDF,
        new BigDecimal("600.00"), new BigDecimal("0.00"), Letters.DUE, "<INV-7.pdf@fordra.test>", Letters.NOW, null,
        null, null, 1, "CREATED");
    when(documents.get(9L)).thenReturn(letter);
    when(mail.text(anyString(), anyString(), any(Object[].class)))
        .thenAnswer(call -> "text of " + call.getArgument(0));
    when(mail.compose(anyString(), anyString(), anyString(), anyString(), any(), any()))
        .thenReturn(mock(MimeMessage.class));
    when(mail.payTo("sv")).thenReturn("bankgiro 5050-1055");
    when(mail.referenceLabel()).thenReturn("OCR");

    service.sendByEmail(9L, 1, false);

    verify(mail).text("mail.INVOICE_SETTLED_IN_PART.body", "sv", "Anna Svensson", "INV-7", "600,00", "SEK",
        "2026-10-31", "bankgiro 5050-1055", "10000180", "OCR", "Exempelbolaget AB", "faktura@exempelbolaget.se",
        "1\u00a0000,00", "400,00", "text of mail.payNow.qr");
  }

  /** A retry repeats its attempt's Message-ID; the status moved with the first attempt and stays. */
  @Test
  void aSecondAttemptIsANewMessageAndOnlyRecorded() {
    when(mail.text(anyString(), anyString(), any(Object[].class)))
        .thenAnswer(call -> "text of " + call.getArgument(0));

    assertThat(service.sendByEmail(5L, 2, true)).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);

    verify(mail).compose("<INV-7.pdf.a2@fordra.test>", "anna@example.se",
        "text of mail.INVOICE_DIRECT_DEBIT.subject", "text of mail.INVOICE_DIRECT_DEBIT.body", Letters.NOW,
        List.of(new MailComposer.Attachment("INV-7.pdf", Letters.PDF, PDF)));
    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.SENT,
        "INV-7.pdf sent again (2) by e-mail, 1,000.00 SEK to pay by 2026-10-31").via("EMAIL", "anna@example.se"));
    verify(invoices, never()).changeStatus(any(), any(), any());
  }

  @Test
  void aDeliveredReminderMakesTheInvoiceReminded() {
    Invoice overdue = Letters.invoice(7L, "INV-7", InvoiceStatus.OVERDUE);

    assertThat(service.delivered(REMINDER, overdue, Channel.PRINT, ANNA_BY_POST, 1, "to the print service"))
        .isEqualTo(InvoiceStatus.REMINDED);

    verify(documents).markSent(REMINDER, "PRINT", ANNA_BY_POST);
    verify(invoices).changeStatus(overdue, InvoiceStatus.REMINDED, InvoiceEvent.of(InvoiceEventType.REMINDER_SENT,
        "INV-7-reminder-1.pdf sent to the print service, 1,000.00 SEK to pay by 2026-10-31")
        .via("PRINT", ANNA_BY_POST));
  }

  /** A credit note and a letter of a closed invoice leave the status as it is. */
  @Test
  void aCreditNoteOrALetterOfAClosedInvoiceIsOnlyRecorded() {
    StoredDocument creditNote = Letters.letter(9L, 7L, DocumentKind.CREDIT_NOTE, 1, "INV-7-credit-1.pdf", PDF);
    Invoice paid = Letters.invoice(7L, "INV-7", InvoiceStatus.PAID, "1000.00", "0.00", "0.00", "0.00");

    assertThat(service.delivered(creditNote, QUEUED, Channel.EMAIL, "anna@example.se", 1, "by e-mail"))
        .isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);
    assertThat(service.delivered(LETTER, paid, Channel.EMAIL, "anna@example.se", 1, "by e-mail"))
        .isEqualTo(InvoiceStatus.PAID);

    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.CREDIT_NOTE_SENT,
        "INV-7-credit-1.pdf sent by e-mail").via("EMAIL", "anna@example.se"));
    verify(invoices).record(paid, InvoiceEvent.of(InvoiceEventType.SENT,
        "INV-7.pdf sent by e-mail, 1,000.00 SEK to pay by 2026-10-31").via("EMAIL", "anna@example.se"));
    verify(invoices, never()).changeStatus(any(), any(), any());
  }

  /** A payment plan's letter, first delivery or not, moves neither status nor dunning level; it is an event. */
  @Test
  void aDeliveredPlanLetterLeavesTheStatusAsItIsAndIsRecordedWithItsOwnReference() {
    Invoice reminded = Letters.invoice(7L, "INV-7", InvoiceStatus.REMINDED);
    StoredDocument plan = new StoredDocument(12L, 7L, DocumentKind.PAYMENT_PLAN, 1, "payment-plan-PP-4-INV-7.pdf",
        Letters.PDF, PDF, new BigDecimal("400.00"), new BigDecimal("0.00"), Letters.DUE, "<pp@fordra.test>",
        Letters.NOW, null, null, null, 1, null, null, "900000000126");
    StoredDocument broken = new StoredDocument(13L, 7L, DocumentKind.PAYMENT_PLAN_BROKEN, 1,
        "payment-plan-broken-PP-4-INV-7.pdf", Letters.PDF, PDF, new BigDecimal("800.00"), new BigDecimal("0.00"),
        Letters.DUE, "<ppb@fordra.test>", Letters.NOW, null, null, null, 1, null, null, null);

    assertThat(service.delivered(plan, reminded, Channel.EMAIL, "anna@example.se", 1, "by e-mail"))
        .isEqualTo(InvoiceStatus.REMINDED);
    assertThat(service.delivered(broken, reminded, Channel.PRINT, ANNA_BY_POST, 1, "to the print service"))
        .isEqualTo(InvoiceStatus.REMINDED);

    verify(invoices).record(reminded, InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_LETTER_SENT,
        "payment-plan-PP-4-INV-7.pdf sent by e-mail, 400.00 SEK to pay by 2026-10-31 with reference 900000000126")
        .via("EMAIL", "anna@example.se"));
    verify(invoices).record(reminded, InvoiceEvent.of(InvoiceEventType.PAYMENT_PLAN_LETTER_SENT,
        "payment-plan-broken-PP-4-INV-7.pdf sent to the print service").via("PRINT", ANNA_BY_POST));
    verify(invoices, never()).changeStatus(any(), any(), any());
  }

  @Test
  void aFailedSendingPutsTheStatusBackToWhatItWasBeforeTheQueue() {
    service.sendingFailed(5L, "EMAIL", "451 mailbox busy");

    verify(invoices).changeStatus(QUEUED, InvoiceStatus.CREATED, InvoiceEvent.of(InvoiceEventType.SEND_FAILED,
        "INV-7.pdf could not be sent: 451 mailbox busy").via("EMAIL", null));
  }

  @Test
  void aFailedSendingOfAnInvoiceNoLongerQueuedIsOnlyRecorded() {
    Invoice sent = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
    when(invoices.lock("INV-7")).thenReturn(sent);

    service.sendingFailed(5L, "PRINT", "print service down");

    verify(invoices).record(sent, InvoiceEvent.of(InvoiceEventType.SEND_FAILED,
        "INV-7.pdf could not be sent: print service down").via("PRINT", null));
    verify(invoices, never()).changeStatus(any(), any(), any());
  }

  @Test
  void aDocumentNotSentAfterADeviationPutsTheStatusBack() {
    service.recordNotSent(5L, null);

    verify(invoices).changeStatus(QUEUED, InvoiceStatus.CREATED, InvoiceEvent.of(InvoiceEventType.NOT_SENT,
        "INV-7.pdf not sent: decided by a case handler after a distribution deviation"));
  }

  @Test
  void aDirectDebitIsRegisteredOncePerInvoice() {
    when(directDebits.forInvoice(7L)).thenReturn(Optional.of(new DirectDebitRepository.DirectDebit(3L, 7L,
        "AG-77", new BigDecimal("1000.00"), Letters.DUE, DirectDebitRepository.Status.REGISTERED, null,
        Letters.NOW)));

    service.registerDirectDebit(5L);

    verify(directDebits, never()).insert(anyLong(), any(), any(), any(), any());
    verify(invoices, never()).record(any(), any());
  }

  // --- sending again ---

  /** The latest letter goes again: renditions and case files are not letters to send. */
  @Test
  void theLatestLetterIsQueuedToBeSentAgain() {
    StoredDocument ubl = Letters.rendition(8L, REMINDER, "INV-7-reminder-1.xml", new byte[0]);
    StoredDocument agencyCase = Letters.letter(10L, 7L, DocumentKind.AGENCY_CASE, 1, "INV-7-agency.pdf", PDF);
    when(documents.forInvoice(QUEUED)).thenReturn(List.of(LETTER, REMINDER, ubl, agencyCase));
    when(documents.countAttempt(REMINDER)).thenReturn(2);

    DistributionService.Resend resend = service.resend("INV-7", null, null);

    assertThat(resend).isEqualTo(new DistributionService.Resend(true, REMINDER, 2, "Queued: sending 2 of 3"));
    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.QUEUED,
        "INV-7-reminder-1.pdf is waiting to be sent again (2 of 3)"));
    verify(distributions).sendAgain("INV-7", 6L, 2, null);
  }

  @Test
  void aNamedLetterGoesAgainByANamedChannel() {
    when(documents.forInvoice(QUEUED)).thenReturn(List.of(LETTER, REMINDER));
    when(documents.countAttempt(LETTER)).thenReturn(3);

    assertThat(service.resend("INV-7", 5L, Channel.PRINT).queued()).isTrue();

    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.QUEUED,
        "INV-7.pdf is waiting to be sent again (3 of 3) by PRINT"));
    verify(distributions).sendAgain("INV-7", 5L, 3, "PRINT");
  }

  /** Seed 003: the same document goes out at most three times; the refusal is on the invoice's record. */
  @Test
  void aFourthSendingIsRefusedAndRecorded() {
    StoredDocument sentThrice = Letters.sent(LETTER, 3);
    when(documents.forInvoice(QUEUED)).thenReturn(List.of(sentThrice));

    DistributionService.Resend resend = service.resend("INV-7", null, null);

    String refusal = "INV-7.pdf was already sent 3 times; the same document may be sent at most 3 times";
    assertThat(resend).isEqualTo(new DistributionService.Resend(false, sentThrice, 3, refusal));
    verify(invoices).record(QUEUED, InvoiceEvent.of(InvoiceEventType.SEND_REFUSED, refusal));
    verify(documents, never()).countAttempt(any());
    verify(distributions, never()).sendAgain(any(), anyLong(), anyInt(), any());
  }

  /**
   * Issue 15: a letter waiting in the open print batch is not sent again while it waits, by any channel; the 409
   * says where it waits and until when, and nothing is counted or recorded.
   */
  @Test
  void aLetterWaitingInTheOpenPrintBatchIsNotSentAgainAndNothingIsStored() {
    when(documents.forInvoice(QUEUED)).thenReturn(List.of(LETTER, REMINDER));
    PrintItem item = new PrintItem(40L, 3L, 5L, 1, new PrintRecipient("Anna Svensson", null, "Storgatan 1",
        "111 22", "Stockholm", "SE"), null, 1, Letters.NOW);
    PrintBatch batch = new PrintBatch(3L, "print-batch-000003", PrintBatchStatus.OPEN, Letters.NOW, null, 1, 1, null,
        null, List.of());
    when(printBatches.waiting(5L)).thenReturn(Optional.of(new PrintBatchService.Waiting(item, batch,
        OffsetDateTime.parse("2026-11-02T17:00+01:00"))));

    for (Channel channel : new Channel[] {Channel.PRINT, Channel.EMAIL}) {
      assertThatThrownBy(() -> service.resend("INV-7", 5L, channel)).isInstanceOf(ConflictException.class)
          .hasMessage("letter INV-7.pdf is already waiting in print batch print-batch-000003, closing at "
              + "2026-11-02T17:00+01:00; it is not sent again while it waits");
    }
    verify(documents, never()).countAttempt(any());
    verify(invoices, never()).record(any(), any());
    verifyNoInteractions(distributions);
  }

  @Test
  void thereIsNothingToSendAgainWithoutALetter() {
    when(documents.forInvoice(QUEUED)).thenReturn(List.of());

    assertThatThrownBy(() -> service.resend("INV-7", null, null))
        .isInstanceOf(ConflictException.class).hasMessage("Invoice INV-7 has no document to send");
    assertThatThrownBy(() -> service.resend("INV-7", 99L, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message").containsExactly(tuple("documentId", "invoice INV-7 has no letter 99")));
    verifyNoInteractions(distributions);
    verify(invoices, never()).record(any(), any());
  }

  @Test
  void aNamedChannelMustBeActiveFitTheLetterAndReachTheCustomer() {
    when(documents.forInvoice(QUEUED)).thenReturn(List.of(LETTER, REMINDER,
        Letters.letter(8L, 7L, DocumentKind.INSTALMENT_REMINDER, 1, "instalment-reminder-PP-4.2-INV-7.pdf", PDF)));

    assertThat(refusal(5L, Channel.EINVOICE)).isEqualTo("the customer has no PEPPOL electronic address for EINVOICE");
    assertThat(refusal(5L, Channel.DIRECT_DEBIT))
        .isEqualTo("DIRECT_DEBIT is not a way to send a document again; name EMAIL, PRINT or EINVOICE");
    assertThat(refusal(6L, Channel.EINVOICE)).isEqualTo("a reminder goes only by EMAIL, PRINT or DIGITAL_MAILBOX");
    assertThat(refusal(8L, Channel.EINVOICE))
        .isEqualTo("an instalment reminder goes only by EMAIL, PRINT or DIGITAL_MAILBOX");
    service = service(new DistributionProperties(null, EnumSet.of(Channel.EMAIL, Channel.PRINT), null, null));
    assertThat(refusal(5L, Channel.EINVOICE))
        .isEqualTo("'EINVOICE' is not an active channel (active: [EMAIL, PRINT])");
    verifyNoInteractions(distributions);
    verify(documents, never()).countAttempt(any());
    verify(invoices, never()).record(any(), any());
  }

  /** The one violation of sending a letter again by a channel that does not fit. */
  private String refusal(long documentId, Channel channel) {
    try {
      service.resend("INV-7", documentId, channel);
    } catch (InvalidRequestException e) {
      assertThat(e.violations()).hasSize(1).first().extracting("field").isEqualTo("channel");
      return e.violations().get(0).message();
    }
    throw new AssertionError("resend by " + channel + " was not refused");
  }

  private DistributionService service(DistributionProperties properties) {
    return new DistributionService(documents, invoices, customers, mail, Letters.SELLER, distributions, properties,
        directDebits, clock, printBatches, mandates);
  }

  @Test
  void aLetterIsBroughtUpToDateBeforeItsFirstHandOverButNotWhileItWaitsInAPrintBatch() {
    when(printBatches.isQueued(5L)).thenReturn(false);
    when(printBatches.isQueued(6L)).thenReturn(true);

    service.bringUpToDate(5L);
    service.bringUpToDate(6L);

    verify(documents).bringUpToDate(5L);
    verify(documents, never()).bringUpToDate(6L);
  }
}
