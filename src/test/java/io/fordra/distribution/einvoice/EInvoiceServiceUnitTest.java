package io.fordra.distribution.einvoice;

import static io.fordra.document.Letters.NOW;
import static io.fordra.document.Letters.SELLER;
import static io.fordra.document.Letters.XML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.LetterContent;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.seller.SellerProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * The e-invoice service alone: no Spring, no engine. The invoice hotel, the registers and the PEPPOL rules are mocks;
 * the UBL mapper and writer are the real ones, and the outbox is a real folder of the test's own.
 */
class EInvoiceServiceUnitTest {

  private static final Invoice INVOICE = Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT);
  private static final InvoiceLine LINE = new InvoiceLine(1, "Konsulttimme", new BigDecimal("8"),
      new BigDecimal("100.00"), new BigDecimal("25"), new BigDecimal("800.00"), new BigDecimal("200.00"), null, null,
      null);

  @TempDir Path temp;
  private Path folder;

  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final PeppolRules rules = mock(PeppolRules.class);
  private EInvoiceService service;

  private final StoredDocument invoiceLetter = letter(16L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf");

  @BeforeEach
  void anOrganisationOnPeppolAndAnEmptyOutbox() {
    folder = temp.resolve("einvoice-outbox");
    service = service(true);
    when(documents.get(16L)).thenReturn(invoiceLetter);
    when(invoices.byId(5L)).thenReturn(INVOICE);
    when(invoices.lines(INVOICE)).thenReturn(List.of(LINE));
    when(customers.get("C-1")).thenReturn(customer(new Customer.ElectronicAddress("0007", "5560360793")));
    when(rules.errors(any(), anyBoolean())).thenReturn(List.of());
    when(documents.storeRendition(any(), eq(XML), anyString(), any())).thenAnswer(call -> Letters.rendition(20L,
        call.getArgument(0), call.getArgument(2), call.getArgument(3)));
  }

  @Test
  void anInvoiceGoesAsCheckedUblKeptBesideItsLetterAndWrittenForTheAccessPoint() throws IOException {
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());

    EInvoiceDelivery delivery = service.deliver(16L, "  Anna Andersson ");

    assertThat(delivery).isEqualTo(new EInvoiceDelivery("0007:5560360793", "5566778899-F-2026-1.xml", 20L));
    ArgumentCaptor<byte[]> ubl = ArgumentCaptor.forClass(byte[].class);
    verify(documents).storeRendition(eq(invoiceLetter), eq(XML), eq("invoice-F-2026-1.xml"), ubl.capture());
    verify(rules).errors(ubl.getValue(), false);
    assertThat(new String(ubl.getValue(), StandardCharsets.UTF_8))
        .contains("<cbc:ID>F-2026-1</cbc:ID>", "<cbc:BuyerReference>Anna Andersson</cbc:BuyerReference>")
        .containsPattern("<cbc:PayableAmount currencyID=\"SEK\">1000.00</cbc:PayableAmount>");
    assertThat(Files.readAllBytes(folder.resolve("5566778899-F-2026-1.xml"))).isEqualTo(ubl.getValue());
  }

  /**
   * Issue 15: paid 400.00 and credited 100.00 inside the undo window. The e-invoice states the payment (BT-113) and
   * asks for the rest of the total; the credit reaches the buyer as its own credit note, so it is not deducted twice.
   */
  @Test
  void anInvoicePaidInPartBeforeItLeftStatesThePaymentAndAsksForTheRest() {
    Invoice paidInPart = Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT, "400.00", "0.00", "100.00",
        "0.00");
    when(invoices.byId(5L)).thenReturn(paidInPart);
    when(invoices.lines(paidInPart)).thenReturn(List.of(LINE));
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());

    service.deliver(16L);

    ArgumentCaptor<byte[]> ubl = ArgumentCaptor.forClass(byte[].class);
    verify(documents).storeRendition(eq(invoiceLetter), eq(XML), anyString(), ubl.capture());
    assertThat(new String(ubl.getValue(), StandardCharsets.UTF_8))
        .contains("<cbc:TaxInclusiveAmount currencyID=\"SEK\">1000.00</cbc:TaxInclusiveAmount>")
        .contains("<cbc:PrepaidAmount currencyID=\"SEK\">400.00</cbc:PrepaidAmount>")
        .contains("<cbc:PayableAmount currencyID=\"SEK\">600.00</cbc:PayableAmount>");
  }

  /** A seller with neither bankgiro nor domestic account is paid to its IBAN, with its BIC as the branch. */
  @Test
  void withoutBankgiroOrAccountTheIbanAndBicArePaidTo() {
    SellerProperties ibanOnly = new SellerProperties(SELLER.name(), SELLER.organisationNumber(), SELLER.vatNumber(),
        SELLER.street(), SELLER.postalCode(), SELLER.city(), SELLER.country(), SELLER.email(), SELLER.phone(), null,
        "", "", "SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, "Stockholm");
    EInvoiceService service = new EInvoiceService(documents, invoices, customers,
        new UblMapper(invoices, documents, ibanOnly), rules,
        new EInvoiceOutbox(new EInvoiceProperties(folder.toString(), false)),
        new EInvoiceProperties(folder.toString(), false));
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());

    service.deliver(16L);

    ArgumentCaptor<byte[]> ubl = ArgumentCaptor.forClass(byte[].class);
    verify(documents).storeRendition(eq(invoiceLetter), eq(XML), anyString(), ubl.capture());
    assertThat(new String(ubl.getValue(), StandardCharsets.UTF_8)).containsPattern(
        "<cac:PayeeFinancialAccount>\\s*<cbc:ID>SE4550000000058398257466</cbc:ID>\\s*"
            + "<cac:FinancialInstitutionBranch>\\s*<cbc:ID>ESSESESS</cbc:ID>");
  }

  @Test
  void withoutABuyerReferenceTheCustomerNumberIsTheBuyersReference() {
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());

    service.deliver(16L);

    ArgumentCaptor<byte[]> ubl = ArgumentCaptor.forClass(byte[].class);
    verify(documents).storeRendition(eq(invoiceLetter), eq(XML), anyString(), ubl.capture());
    assertThat(new String(ubl.getValue(), StandardCharsets.UTF_8))
        .contains("<cbc:BuyerReference>C-1</cbc:BuyerReference>");
  }

  @Test
  void aRetrySendsTheVeryBytesOfTheFirstTimeUnderTheSameName() throws IOException {
    byte[] first = "<Invoice>first</Invoice>".getBytes(StandardCharsets.UTF_8);
    when(documents.rendition(invoiceLetter, XML))
        .thenReturn(Optional.of(Letters.rendition(20L, invoiceLetter, "invoice-F-2026-1.xml", first)));

    EInvoiceDelivery delivery = service.deliver(16L, "Someone Else");

    assertThat(delivery).isEqualTo(new EInvoiceDelivery("0007:5560360793", "5566778899-F-2026-1.xml", 20L));
    assertThat(Files.readAllBytes(folder.resolve("5566778899-F-2026-1.xml"))).isEqualTo(first);
    verify(documents, never()).storeRendition(any(), anyString(), anyString(), any());
    verifyNoInteractions(rules);
  }

  @Test
  void aDocumentThatBreaksThePeppolRulesIsNeitherStoredNorWritten() {
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());
    List<ValidationError> broken = List.of(new ValidationError("BR-CO-15", "total amount with VAT", "/Invoice"));
    when(rules.errors(any(), eq(false))).thenReturn(broken);

    assertThatThrownBy(() -> service.deliver(16L, null)).isInstanceOfSatisfying(EInvoiceRejectedException.class,
        e -> {
          assertThat(e.documentNumber()).isEqualTo("F-2026-1");
          assertThat(e.violations()).isEqualTo(broken);
          assertThat(e).hasMessage("E-invoice F-2026-1 breaks 1 PEPPOL rule(s): [BR-CO-15] total amount with VAT "
              + "(at /Invoice)");
        });
    verify(documents, never()).storeRendition(any(), anyString(), anyString(), any());
    assertThat(folder).doesNotExist();
  }

  @Test
  void withTheCheckSwitchedOffTheRulesAreNotAsked() {
    EInvoiceService unchecked = service(false);
    when(documents.rendition(invoiceLetter, XML)).thenReturn(Optional.empty());

    assertThat(unchecked.deliver(16L, null).renditionId()).isEqualTo(20L);
    verifyNoInteractions(rules);
  }

  @Test
  void aCreditNoteGoesAsAPeppolCreditNoteUnderItsOwnNumber() throws IOException {
    StoredDocument creditLetter = letter(18L, DocumentKind.CREDIT_NOTE, 1, "credit-note-F-2026-1-1.pdf");
    CreditNote credit = new CreditNote(31L, 5L, 1, new BigDecimal("250.00"), "Prisavdrag", NOW);
    when(documents.get(18L)).thenReturn(creditLetter);
    when(documents.rendition(creditLetter, XML)).thenReturn(Optional.empty());
    when(invoices.creditNotes(INVOICE)).thenReturn(List.of(credit));
    when(documents.creditNoteLines(INVOICE, credit)).thenReturn(List.of(new LetterContent.Line(
        "Kreditering av faktura F-2026-1, moms 25 %", BigDecimal.ONE, new BigDecimal("200.00"),
        new BigDecimal("25"), new BigDecimal("200.00"), new BigDecimal("50.00"), null, null)));
    when(documents.creditDate(credit)).thenReturn(LocalDate.of(2026, 11, 3));

    EInvoiceDelivery delivery = service.deliver(18L, null);

    assertThat(delivery.fileName()).isEqualTo("5566778899-F-2026-1-K1.xml");
    ArgumentCaptor<byte[]> ubl = ArgumentCaptor.forClass(byte[].class);
    verify(documents).storeRendition(eq(creditLetter), eq(XML), eq("credit-note-F-2026-1-1.xml"), ubl.capture());
    verify(rules).errors(ubl.getValue(), true);
    assertThat(new String(ubl.getValue(), StandardCharsets.UTF_8)).contains("<cbc:ID>F-2026-1-K1</cbc:ID>",
        "<cbc:CreditNoteTypeCode>", "<cbc:ID>F-2026-1</cbc:ID>")
        .containsPattern("<cbc:PayableAmount currencyID=\"SEK\">250.00</cbc:PayableAmount>");
    assertThat(Files.readAllBytes(folder.resolve("5566778899-F-2026-1-K1.xml"))).isEqualTo(ubl.getValue());
  }

  @Test
  void aCustomerWithoutAnEndpointIsForAnotherChannelAndNothingIsWritten() {
    when(customers.get("C-1")).thenReturn(customer(null));

    assertThatThrownBy(() -> service.deliver(16L, null)).isInstanceOfSatisfying(NoElectronicAddressException.class,
        e -> {
          assertThat(e.customerNumber()).isEqualTo("C-1");
          assertThat(e).hasMessage("Customer C-1 has no electronic address (PEPPOL endpoint): F-2026-1 cannot be "
              + "sent as an e-invoice, send it by another channel");
        });
    when(customers.get("C-1")).thenReturn(customer(new Customer.ElectronicAddress("0007", " ")));
    assertThatThrownBy(() -> service.deliver(16L, null)).isInstanceOf(NoElectronicAddressException.class);

    verify(documents, never()).rendition(any(), anyString());
    verify(documents, never()).storeRendition(any(), anyString(), anyString(), any());
    assertThat(folder).doesNotExist();
  }

  @Test
  void onlyInvoiceAndCreditNoteLettersGoAsEInvoices() {
    when(documents.get(17L)).thenReturn(letter(17L, DocumentKind.REMINDER, 1, "reminder-F-2026-1-1.pdf"));
    when(documents.get(20L)).thenReturn(Letters.rendition(20L, invoiceLetter, "invoice-F-2026-1.xml", new byte[] {1}));

    assertThatThrownBy(() -> service.deliver(17L, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Only invoice and credit note letters go as e-invoices, not document 17 (reminder-F-2026-1-1.pdf)");
    assertThatThrownBy(() -> service.deliver(20L, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Only invoice and credit note letters go as e-invoices, not document 20 (invoice-F-2026-1.xml)");
    verifyNoInteractions(invoices, customers, rules);
  }

  private EInvoiceService service(boolean validate) {
    return new EInvoiceService(documents, invoices, customers, new UblMapper(invoices, documents, SELLER), rules,
        new EInvoiceOutbox(new EInvoiceProperties(folder.toString(), validate)), new EInvoiceProperties(
        folder.toString(), validate));
  }

  private static Customer customer(Customer.ElectronicAddress endpoint) {
    return new Customer("C-1", "Kund AB", CustomerType.BUSINESS, false, Country.SE, "556036-0793", "info@kund.se",
        null, new Customer.Address("Kundvägen 3", "222 33", "Lund", "SE"), false, Channel.EINVOICE, "sv", endpoint,
        NOW, null, null, null, false);
  }

  private static StoredDocument letter(long id, DocumentKind kind, int sequence, String fileName) {
    return Letters.letter(id, 5L, kind, sequence, fileName, new byte[] {1});
  }
}
