package io.fordra.document;

import static io.fordra.document.Letters.DUE;
import static io.fordra.document.Letters.ISSUED;
import static io.fordra.document.Letters.NOW;
import static io.fordra.document.Letters.PDF;
import static io.fordra.document.Letters.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.Supply;
import io.fordra.seller.SellerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * The invoice hotel alone: no Spring, no engine. The table, the invoice and customer registers, the renderer and the
 * Message-IDs are mocks; what is asserted is the letter the renderer is given and the row that is stored.
 */
class DocumentServiceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final LetterContent.Party SELLER_PARTY = new LetterContent.Party("Exempelbolaget AB", "556677-8899",
      "SE556677889901", "Storgatan 1", "111 22", "Stockholm", "SE", "faktura@exempelbolaget.se", "+46 8 123 456 00",
      "5050-1055", "SE4550000000058398257466");
  private static final Customer CUSTOMER = new Customer("C-1", "Kund AB", CustomerType.BUSINESS, false, Country.SE,
      "556036-0793", "info@kund.se", "faktura@kund.se", new Customer.Address("Kundvägen 3", "222 33", "Lund", "SE"),
      true, Channel.EMAIL, "sv", null, NOW, null, null, null, false);
  private static final LetterContent.Party BUYER_PARTY = new LetterContent.Party("Kund AB", "556036-0793", null,
      "Kundvägen 3", "222 33", "Lund", "SE", "faktura@kund.se", null, null, null);
  private static final InvoiceLine LINE = new InvoiceLine(1, "Konsulttimme", new BigDecimal("8"),
      new BigDecimal("100.00"), new BigDecimal("25"), new BigDecimal("800.00"), new BigDecimal("200.00"), "A-100",
      "PO-7", null);
  private static final byte[] RENDERED = "%PDF-1.4 letter".getBytes(StandardCharsets.US_ASCII);

  private final DocumentRepository documents = mock(DocumentRepository.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final LetterRenderer renderer = mock(LetterRenderer.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final MessageIds messageIds = mock(MessageIds.class);
  private static final SellerProperties SELLER_WITH_DETAILS = new SellerProperties(SELLER.name(),
      SELLER.organisationNumber(), SELLER.vatNumber(), SELLER.street(), SELLER.postalCode(), SELLER.city(),
      SELLER.country(), SELLER.email(), SELLER.phone(), SELLER.bankgiro(), SELLER.bankAccount(), "",
      "SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, "Stockholm");
  private static final LetterContent.SellerDetails SELLER_DETAILS = new LetterContent.SellerDetails(
      "SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, "Stockholm");
  private final DocumentService service = new DocumentService(documents, invoices, customers, renderer,
      SELLER_WITH_DETAILS, clock, messageIds);

  @BeforeEach
  void itIsTheThirdOfNovemberInStockholm() {
    when(clock.now()).thenReturn(NOW);
    when(clock.today()).thenReturn(TODAY);
    when(clock.zone()).thenReturn(ZoneId.of("Europe/Stockholm"));
    when(customers.get("C-1")).thenReturn(CUSTOMER);
    when(invoices.lines(any())).thenReturn(List.of(LINE));
    when(renderer.render(any(), any())).thenReturn(RENDERED);
    when(messageIds.messageId(anyString(), anyString()))
        .thenAnswer(call -> "<" + call.getArgument(1) + "." + call.getArgument(0) + "@fordra.test>");
  }

  @Test
  void aReminderIsRenderedWithWhatIsOwedNowAndStoredOnce() {
    // 1,000.00 billed, 300.00 paid, 60.00 fees, 100.00 disputed: 760.00 open, 660.00 to be followed up.
    Invoice invoice = invoice(InvoiceStatus.OVERDUE, "300.00", "60.00", "0.00", "100.00");
    LocalDate payBy = LocalDate.of(2026, 11, 17);
    BigDecimal fee = new BigDecimal("60.00");
    when(documents.find(5L, DocumentKind.REMINDER, 2)).thenReturn(Optional.empty());
    when(documents.insert(any())).thenReturn(17L);
    StoredDocument stored = letter(17L, DocumentKind.REMINDER, 2, "reminder-F-2026-1-2.pdf");
    when(documents.find(17L)).thenReturn(Optional.of(stored));

    assertThat(service.issue(invoice, DocumentKind.REMINDER, 2, fee, payBy, "Ni har bestritt 100,00")).isSameAs(stored);

    ArgumentCaptor<LetterContent> letter = ArgumentCaptor.forClass(LetterContent.class);
    ArgumentCaptor<byte[]> logo = ArgumentCaptor.forClass(byte[].class);
    verify(renderer).render(letter.capture(), logo.capture());
    assertThat(letter.getValue()).isEqualTo(new LetterContent(DocumentKind.REMINDER, "sv", SELLER_PARTY, BUYER_PARTY,
        "F-2026-1", ISSUED, DUE, TODAY, "SEK",
        List.of(new LetterContent.Line("Konsulttimme", new BigDecimal("8"), new BigDecimal("100.00"),
            new BigDecimal("25"), new BigDecimal("800.00"), new BigDecimal("200.00"), "A-100", "PO-7")),
        new BigDecimal("800.00"), new BigDecimal("200.00"), new BigDecimal("1000.00"), new BigDecimal("300.00"),
        new BigDecimal("60.00"), fee, new BigDecimal("660.00"), payBy, "10000180", 2, "Ni har bestritt 100,00", null,
        new BigDecimal("0.00")).with("C-1", null, SELLER_DETAILS));
    // No logo of the seller's own (fordra.seller.logo is empty): no logo at all, the letter prints the seller's name.
    assertThat(logo.getValue()).isNull();

    ArgumentCaptor<StoredDocument> row = ArgumentCaptor.forClass(StoredDocument.class);
    verify(documents).insert(row.capture());
    assertThat(row.getValue()).isEqualTo(new StoredDocument(0, 5L, DocumentKind.REMINDER, 2,
        "reminder-F-2026-1-2.pdf", PDF, RENDERED, new BigDecimal("660.00"), fee, payBy,
        "<reminder.2.F-2026-1@fordra.test>", NOW, null, null, null, 0, null));
  }

  @Test
  void theInvoiceCarriesItsPeriodOfSupplyAndTheSellersOwnLogo(@TempDir Path dir) throws IOException {
    byte[] sellersLogo = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    Path logoFile = Files.write(dir.resolve("logo.png"), sellersLogo);
    SellerProperties withLogo = new SellerProperties(SELLER.name(), SELLER.organisationNumber(), SELLER.vatNumber(),
        SELLER.street(), SELLER.postalCode(), SELLER.city(), SELLER.country(), SELLER.email(), SELLER.phone(),
        SELLER.bankgiro(), SELLER.bankAccount(), logoFile.toString());
    DocumentService withOwnLogo = new DocumentService(documents, invoices, customers, renderer, withLogo, clock,
        messageIds);
    Invoice invoice = invoice(InvoiceStatus.CREATED, "0.00", "0.00", "0.00", "0.00");
    Supply october = new Supply(null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
    when(invoices.supply(invoice)).thenReturn(Optional.of(october));
    when(documents.find(5L, DocumentKind.INVOICE, 1)).thenReturn(Optional.empty());
    when(documents.insert(any())).thenReturn(19L);
    when(documents.find(19L)).thenReturn(Optional.of(letter(19L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf")));

    withOwnLogo.issue(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO, DUE);

    ArgumentCaptor<LetterContent> letter = ArgumentCaptor.forClass(LetterContent.class);
    ArgumentCaptor<byte[]> logo = ArgumentCaptor.forClass(byte[].class);
    verify(renderer).render(letter.capture(), logo.capture());
    assertThat(letter.getValue().customerNumber()).isEqualTo("C-1");
    assertThat(letter.getValue().supply()).isEqualTo(october);
    assertThat(logo.getValue()).containsExactly(sellersLogo);
  }

  @Test
  void aStepThatHasItsDocumentGetsTheSameOneAndNothingIsRendered() {
    StoredDocument earlier = letter(17L, DocumentKind.REMINDER, 2, "reminder-F-2026-1-2.pdf");
    when(documents.find(5L, DocumentKind.REMINDER, 2)).thenReturn(Optional.of(earlier));

    assertThat(service.issue(invoice(InvoiceStatus.OVERDUE, "0.00", "60.00", "0.00", "0.00"), DocumentKind.REMINDER,
        2, new BigDecimal("60.00"), TODAY)).isSameAs(earlier);

    verifyNoInteractions(renderer, customers);
    verify(documents, never()).insert(any());
  }

  @Test
  void aPartialCreditNoteIsTheCreditedShareOfEachRateDatedInFordrasZone() {
    Invoice asTheCallerReadIt = invoice(InvoiceStatus.SENT, "0.00", "0.00", "0.00", "0.00");
    Invoice afterTheCredit = invoice(InvoiceStatus.SENT, "0.00", "0.00", "250.00", "0.00");
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Stockholm: the credit note is dated the 3rd.
    CreditNote credit = new CreditNote(31L, 5L, 2, new BigDecimal("250.00"), "Prisavdrag",
        Instant.parse("2026-11-02T23:30:00Z"));
    when(invoices.creditNote(asTheCallerReadIt, 31L)).thenReturn(credit);
    when(invoices.byId(5L)).thenReturn(afterTheCredit);
    when(documents.find(5L, DocumentKind.CREDIT_NOTE, 2)).thenReturn(Optional.empty());
    when(documents.insert(any())).thenReturn(18L);
    StoredDocument stored = letter(18L, DocumentKind.CREDIT_NOTE, 2, "credit-note-F-2026-1-2.pdf");
    when(documents.find(18L)).thenReturn(Optional.of(stored));

    assertThat(service.issueCreditNote(asTheCallerReadIt, 31L)).isSameAs(stored);

    ArgumentCaptor<LetterContent> letter = ArgumentCaptor.forClass(LetterContent.class);
    verify(renderer).render(letter.capture(), any());
    assertThat(letter.getValue()).isEqualTo(new LetterContent(DocumentKind.CREDIT_NOTE, "sv", SELLER_PARTY,
        BUYER_PARTY, "F-2026-1", ISSUED, DUE, TODAY, "SEK",
        List.of(new LetterContent.Line("Kreditering av faktura F-2026-1, moms 25 %", BigDecimal.ONE,
            new BigDecimal("200.00"), new BigDecimal("25"), new BigDecimal("200.00"), new BigDecimal("50.00"), null,
            null)),
        new BigDecimal("200.00"), new BigDecimal("50.00"), new BigDecimal("250.00"), null, null, null,
        new BigDecimal("750.00"), TODAY, "10000180", 0, null, new LetterContent.Credit("F-2026-1-K2", "Prisavdrag"))
        .with("C-1", null, SELLER_DETAILS));

    ArgumentCaptor<StoredDocument> row = ArgumentCaptor.forClass(StoredDocument.class);
    verify(documents).insert(row.capture());
    assertThat(row.getValue()).isEqualTo(new StoredDocument(0, 5L, DocumentKind.CREDIT_NOTE, 2,
        "credit-note-F-2026-1-2.pdf", PDF, RENDERED, new BigDecimal("250.00"), new BigDecimal("0.00"), TODAY,
        "<credit-note.2.F-2026-1@fordra.test>", NOW, null, null, null, 0, null));
  }

  @Test
  void aCreditOfTheWholeInvoiceCreditsItsOwnLines() {
    Invoice invoice = invoice(InvoiceStatus.CREDITED, "0.00", "0.00", "1000.00", "0.00");
    CreditNote whole = new CreditNote(32L, 5L, 1, new BigDecimal("1000.00"), "Felaktig faktura", NOW);

    assertThat(service.creditNoteLines(invoice, whole)).containsExactly(new LetterContent.Line("Konsulttimme",
        new BigDecimal("8"), new BigDecimal("100.00"), new BigDecimal("25"), new BigDecimal("800.00"),
        new BigDecimal("200.00"), "A-100", "PO-7"));
  }

  @Test
  void preparingTheInvoiceIssuesItsLetterAndQueuesItForSending() {
    Invoice invoice = invoice(InvoiceStatus.CREATED, "0.00", "0.00", "0.00", "0.00");
    when(invoices.lock("F-2026-1")).thenReturn(invoice);
    when(documents.find(5L, DocumentKind.INVOICE, 1)).thenReturn(Optional.empty());
    when(documents.insert(any())).thenReturn(16L);
    StoredDocument stored = letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    when(documents.find(16L)).thenReturn(Optional.of(stored));

    assertThat(service.prepareInvoice("F-2026-1")).isSameAs(stored);

    ArgumentCaptor<LetterContent> letter = ArgumentCaptor.forClass(LetterContent.class);
    verify(renderer).render(letter.capture(), any());
    // An invoice is dated its issue date and asks for the whole total by the due date.
    assertThat(letter.getValue().documentDate()).isEqualTo(ISSUED);
    assertThat(letter.getValue().payBy()).isEqualTo(DUE);
    assertThat(letter.getValue().openAmount()).isEqualByComparingTo("1000.00");
    assertThat(letter.getValue().reminderNumber()).isZero();
    ArgumentCaptor<StoredDocument> row = ArgumentCaptor.forClass(StoredDocument.class);
    verify(documents).insert(row.capture());
    assertThat(row.getValue().fileName()).isEqualTo("invoice-F-2026-1.pdf");
    assertThat(row.getValue().messageId()).isEqualTo("<invoice.1.F-2026-1@fordra.test>");
    InOrder queued = inOrder(documents, invoices);
    queued.verify(documents).countAttempt(16L);
    queued.verify(documents).rememberStatusBefore(16L, "CREATED");
    queued.verify(invoices).changeStatus(invoice, InvoiceStatus.WAITING_TO_BE_SENT,
        InvoiceEvent.of(InvoiceEventType.QUEUED, "invoice-F-2026-1.pdf is waiting to be sent"));
  }

  @Test
  void aReminderWaitsToBeSentAsAReminder() {
    Invoice invoice = invoice(InvoiceStatus.OVERDUE, "0.00", "60.00", "0.00", "0.00");
    StoredDocument earlier = letter(17L, DocumentKind.REMINDER, 1, "reminder-F-2026-1-1.pdf");
    when(documents.find(5L, DocumentKind.REMINDER, 1)).thenReturn(Optional.of(earlier));

    assertThat(service.prepare(invoice, DocumentKind.REMINDER, 1, new BigDecimal("60.00"), TODAY))
        .isSameAs(earlier);

    verify(documents).rememberStatusBefore(17L, "OVERDUE");
    verify(invoices).changeStatus(invoice, InvoiceStatus.WAITING_TO_BE_SENT,
        InvoiceEvent.of(InvoiceEventType.REMINDER_QUEUED, "reminder-F-2026-1-1.pdf is waiting to be sent"));
  }

  @Test
  void aRenditionIsStoredOnceBesideItsLetter() {
    StoredDocument letter = letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    byte[] ubl = "<Invoice/>".getBytes(StandardCharsets.UTF_8);
    when(documents.findRendition(16L, "application/xml")).thenReturn(Optional.empty());
    when(documents.insert(any())).thenReturn(20L);
    StoredDocument stored = rendition(20L, letter);
    when(documents.find(20L)).thenReturn(Optional.of(stored));

    assertThat(service.storeRendition(letter, "application/xml", "invoice-F-2026-1.xml", ubl)).isSameAs(stored);

    ArgumentCaptor<StoredDocument> row = ArgumentCaptor.forClass(StoredDocument.class);
    verify(documents).insert(row.capture());
    assertThat(row.getValue()).isEqualTo(new StoredDocument(0, 5L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.xml",
        "application/xml", ubl, letter.amountDue(), letter.fee(), letter.payBy(), letter.messageId(), NOW, null,
        null, null, 0, null, 16L));
  }

  @Test
  void aSecondRenditionInTheSameFormatIsTheFirstOne() {
    StoredDocument letter = letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    StoredDocument first = rendition(20L, letter);
    when(documents.findRendition(16L, "application/xml")).thenReturn(Optional.of(first));

    assertThat(service.storeRendition(letter, "application/xml", "invoice-F-2026-1.xml", new byte[] {1}))
        .isSameAs(first);
    verify(documents, never()).insert(any());
  }

  @Test
  void aRenditionHasNoRenditionOfItsOwn() {
    StoredDocument rendition = rendition(20L, letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf"));

    assertThatThrownBy(() -> service.storeRendition(rendition, "application/xml", "x.xml", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Document 20 is itself a rendition");
    verifyNoInteractions(documents);
  }

  @Test
  void aSentDocumentIsMarkedWithChannelRecipientAndTime() {
    service.markSent(letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf"), "EMAIL", "faktura@kund.se");

    verify(documents).markSent(16L, NOW, "EMAIL", "faktura@kund.se");
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    when(documents.find(99L)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.get(99L)).isInstanceOf(NotFoundException.class).hasMessage("No document 99");
  }

  @Test
  void anInvoicesDocumentIsFoundByIdButNotAnotherInvoicesOrAnUnknownOne() {
    StoredDocument own = letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    when(documents.forInvoice(5L)).thenReturn(List.of(own));
    Invoice invoice = invoice(InvoiceStatus.SENT, "0.00", "0.00", "0.00", "0.00");

    assertThat(service.ofInvoice(invoice, 16L)).containsSame(own);
    assertThat(service.ofInvoice(invoice, 17L)).isEmpty();
  }

  @Test
  void anInvoicePaidAndCreditedInsideTheUndoWindowLeavesSayingSoAndWhatIsLeftToPay() {
    // 1,000.00 billed; 300.00 paid and 100.00 credited before it left: 600.00 to pay.
    StoredDocument unsent = letter(17L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    Invoice now = invoice(InvoiceStatus.WAITING_TO_BE_SENT, "300.00", "0.00", "100.00", "0.00");
    byte[] upToDate = "%PDF-1.4 up to date".getBytes(StandardCharsets.US_ASCII);
    StoredDocument replaced = Letters.letter(17L, 5L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf", upToDate);
    when(documents.find(17L)).thenReturn(Optional.of(unsent), Optional.of(replaced));
    when(invoices.byId(5L)).thenReturn(now);
    when(invoices.lock("F-2026-1")).thenReturn(now);
    when(renderer.render(any(), any())).thenReturn(upToDate);

    assertThat(service.bringUpToDate(17L)).isSameAs(replaced);

    ArgumentCaptor<LetterContent> letter = ArgumentCaptor.forClass(LetterContent.class);
    verify(renderer).render(letter.capture(), any());
    assertThat(letter.getValue().kind()).isEqualTo(DocumentKind.INVOICE);
    assertThat(letter.getValue().totalAmount()).isEqualByComparingTo("1000.00");
    assertThat(letter.getValue().paidAmount()).isEqualByComparingTo("300.00");
    assertThat(letter.getValue().creditedAmount()).isEqualByComparingTo("100.00");
    assertThat(letter.getValue().openAmount()).isEqualByComparingTo("600.00");
    assertThat(letter.getValue().payBy()).isEqualTo(unsent.payBy());
    verify(documents).replaceContent(17L, upToDate, new BigDecimal("600.00"));
    ArgumentCaptor<InvoiceEvent> event = ArgumentCaptor.forClass(InvoiceEvent.class);
    verify(invoices).record(org.mockito.ArgumentMatchers.eq(now), event.capture());
    assertThat(event.getValue().type()).isEqualTo(InvoiceEventType.DOCUMENT_UPDATED);
    assertThat(event.getValue().message()).contains("600.00 SEK to pay", "was 1,000.00 SEK");
  }

  @Test
  void aLetterThatNothingChangedIsLeftAsItIs() {
    StoredDocument unsent = letter(17L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");
    Invoice now = invoice(InvoiceStatus.WAITING_TO_BE_SENT, "0.00", "0.00", "0.00", "0.00");
    when(documents.find(17L)).thenReturn(Optional.of(unsent));
    when(invoices.byId(5L)).thenReturn(now);
    when(invoices.lock("F-2026-1")).thenReturn(now);

    assertThat(service.bringUpToDate(17L)).isSameAs(unsent);
    verify(documents, never()).replaceContent(org.mockito.ArgumentMatchers.anyLong(), any(), any());
    verify(invoices, never()).record(any(), any());
  }

  @Test
  void aLetterAChannelHasHadOrACreditNoteIsNeverRenderedAgain() {
    StoredDocument sent = Letters.sent(letter(17L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf"), 1);
    StoredDocument withRendition = letter(18L, DocumentKind.INVOICE, 1, "invoice-F-2026-2.pdf");
    StoredDocument creditNote = letter(19L, DocumentKind.CREDIT_NOTE, 1, "credit-note-F-2026-1-1.pdf");
    when(documents.find(17L)).thenReturn(Optional.of(sent));
    when(documents.find(18L)).thenReturn(Optional.of(withRendition));
    when(documents.hasRendition(18L)).thenReturn(true);
    when(documents.find(19L)).thenReturn(Optional.of(creditNote));

    assertThat(service.bringUpToDate(17L)).isSameAs(sent);
    assertThat(service.bringUpToDate(18L)).isSameAs(withRendition);
    assertThat(service.bringUpToDate(19L)).isSameAs(creditNote);
    verifyNoInteractions(renderer, invoices);
    verify(documents, never()).replaceContent(org.mockito.ArgumentMatchers.anyLong(), any(), any());
  }

  private static Invoice invoice(InvoiceStatus status, String paid, String fees, String credited, String disputed) {
    return Letters.invoice(5L, "F-2026-1", status, paid, fees, credited, disputed);
  }

  private static StoredDocument letter(long id, DocumentKind kind, int sequence, String fileName) {
    return Letters.letter(id, 5L, kind, sequence, fileName, RENDERED);
  }

  private static StoredDocument rendition(long id, StoredDocument letter) {
    return Letters.rendition(id, letter, "invoice.xml", new byte[] {1});
  }
}
