package io.fordra.document;

import static io.fordra.document.LetterRendererTest.assertContains;
import static io.fordra.document.LetterRendererTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.kernel.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DocumentService.issueCreditNote: a credit note's own document, numbered per invoice, without a payment slip. */
@FordraTestContext
class CreditNoteDocumentTest extends ProcessTestSupport {

  @Autowired DocumentService documents;

  /** 10 000,00 + 2 500,00 VAT at 25 % and 150,00 + 18,00 at 12 %: 12 668,00. */
  Invoice invoice(String language) {
    CustomerRequest c = customer(CustomerType.BUSINESS, Country.SE, false, true);
    CustomerRequest customer = new CustomerRequest(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(),
        c.organisationNumber(), c.email(), c.invoiceEmail(), c.address(), c.reminderFeeAgreed(),
        c.preferredChannel(), language, null);
    return invoices.create(new InvoiceRequest("C-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Konsulttimmar", new BigDecimal("8"), new BigDecimal("1250.00"),
                new BigDecimal("25"), null, "PO-7781"),
            new InvoiceRequest.LineRequest("Livsmedel", new BigDecimal("4"), new BigDecimal("37.50"),
                new BigDecimal("12"), null, null)),
        null, null));
  }

  StoredDocument credit(Invoice invoice, String amount, String reason) {
    Invoice credited = invoices.credit(reload(invoice), new BigDecimal(amount), reason);
    List<CreditNote> credits = invoices.creditNotes(credited);
    return documents.issueCreditNote(credited, credits.get(credits.size() - 1).id());
  }

  @Test
  void aPartialCreditNoteNamesTheInvoiceTheReasonTheLinesAndWhatRemains() {
    Invoice invoice = invoice(null);

    StoredDocument creditNote = credit(invoice, "1000.00", "Rabatt enligt avtal");

    String n = invoice.invoiceNumber();
    assertThat(creditNote.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
    assertThat(creditNote.sequenceNumber()).isEqualTo(1);
    assertThat(creditNote.fileName()).isEqualTo("credit-note-" + n + "-1.pdf");
    assertThat(creditNote.mediaType()).isEqualTo("application/pdf");
    assertThat(creditNote.amountDue()).isEqualByComparingTo("1000.00");
    assertThat(creditNote.payBy()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(creditNote.isRendition()).isFalse();
    String text = text(creditNote.content());
    // 1 000 × 12 500 / 12 668 = 986.74 at 25 % (789.39 + 197.35), 13.26 at 12 % (11.84 + 1.42).
    assertContains(text, "Kreditfaktura", "Kreditfakturanr | " + n + "-K1", "Avser faktura | " + n,
        "Fakturadatum | 2026-03-02", "Orsak: Rabatt enligt avtal",
        "Kreditering av faktura " + n + ", moms 25 %", "Kreditering av faktura " + n + ", moms 12 %",
        "Summa exkl. moms | 801,23", "Moms 25 % (underlag 789,39) | 197,35", "Moms 12 % (underlag 11,84) | 1,42",
        "Totalt krediterat | 1 000,00 SEK", "Kvar att betala på faktura " + n + " | 11 668,00 SEK");
    // No payment slip: nothing to pay, no date to pay by, no OCR.
    assertThat(text).doesNotContain("Betala senast", "OCR", invoice.paymentReference(), "Förfallodatum");
  }

  @Test
  void issuingAgainReturnsTheSameDocumentAndTheNextCreditNoteIsNumberTwo() {
    Invoice invoice = invoice(null);
    StoredDocument first = credit(invoice, "1000.00", "Rabatt");
    long firstId = invoices.creditNotes(reload(invoice)).get(0).id();

    StoredDocument again = documents.issueCreditNote(reload(invoice), firstId);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.content()).isEqualTo(first.content());

    StoredDocument second = credit(invoice, "11668.00", "Resten");
    assertThat(second.sequenceNumber()).isEqualTo(2);
    assertThat(second.fileName()).isEqualTo("credit-note-" + invoice.invoiceNumber() + "-2.pdf");
    assertContains(text(second.content()), "Kreditfakturanr | " + invoice.invoiceNumber() + "-K2",
        "Totalt krediterat | 11 668,00 SEK", "Kvar att betala på faktura " + invoice.invoiceNumber() + " | 0,00 SEK");
    assertThat(documents.forInvoice(invoice)).filteredOn(d -> d.kind() == DocumentKind.CREDIT_NOTE)
        .extracting(StoredDocument::id).containsExactly(first.id(), second.id());
  }

  @Test
  void aCreditOfTheWholeInvoiceListsItsLinesInTheCustomersLanguage() {
    Invoice invoice = invoice("en");

    StoredDocument creditNote = credit(invoice, "12668.00", "Invoiced twice");

    String n = invoice.invoiceNumber();
    assertContains(text(creditNote.content()), "Credit note", "Credit note no. | " + n + "-K1",
        "Credits invoice | " + n, "Reason: Invoiced twice", "Konsulttimmar | PO-7781 | 8 | 1,250.00 | 25 | 10,000.00",
        "Livsmedel", "VAT 25 % (base 10,000.00) | 2,500.00", "VAT 12 % (base 150.00) | 18.00",
        "Total credited | 12,668.00 SEK", "Still open on invoice " + n + " | 0.00 SEK");
  }

  @Test
  void norwegianCustomersGetAKreditnota() {
    Invoice invoice = invoice("nb");

    String text = text(credit(invoice, "500.00", "Prisavslag").content());

    assertContains(text, "Kreditnota", "Gjelder faktura | " + invoice.invoiceNumber(), "Årsak: Prisavslag",
        "Kreditering av faktura " + invoice.invoiceNumber() + ", MVA 25 %", "Totalt kreditert | 500,00 SEK");
  }

  @Test
  void aCreditNoteOfAnotherInvoiceIsNotFound() {
    Invoice invoice = invoice(null);
    Invoice other = invoice(null);
    credit(other, "100.00", "Fel");
    long othersCredit = invoices.creditNotes(reload(other)).get(0).id();

    assertThatThrownBy(() -> documents.issueCreditNote(invoice, othersCredit)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theNumberIsSpelledInOnePlace() {
    assertThat(CreditNoteNumber.of("100042", 3)).isEqualTo("100042-K3");
    assertThatThrownBy(() -> CreditNoteNumber.of("100042", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
