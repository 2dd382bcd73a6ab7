package io.fordra.document;

import static io.fordra.document.LetterRendererTest.LINES;
import static io.fordra.document.LetterRendererTest.NET;
import static io.fordra.document.LetterRendererTest.NORWEGIAN_BUYER;
import static io.fordra.document.LetterRendererTest.NORWEGIAN_SELLER;
import static io.fordra.document.LetterRendererTest.SWEDISH_BUYER;
import static io.fordra.document.LetterRendererTest.SWEDISH_SELLER;
import static io.fordra.document.LetterRendererTest.TOTAL;
import static io.fordra.document.LetterRendererTest.VAT;
import static io.fordra.document.LetterRendererTest.assertContains;
import static io.fordra.document.LetterRendererTest.followUp;
import static io.fordra.document.LetterRendererTest.invoice;
import static io.fordra.document.LetterRendererTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.document.LetterContent.SellerDetails;
import io.fordra.invoice.Supply;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What a Swedish or Norwegian invoice must carry besides amounts (issue 15, item 12): customer number, date or period
 * of supply, F-skatt / Foretaksregisteret, the board's seat, payment terms and the late-interest clause, IBAN and BIC
 * labelled as such; and the seller's name where it has no logo. Read back from the PDF's text.
 */
class InvoiceParticularsTest {

  private static final LetterRenderer RENDERER = new LetterRenderer();
  private static final SellerDetails SWEDISH_DETAILS =
      new SellerDetails("SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, "Stockholm");
  private static final SellerDetails NORWEGIAN_DETAILS =
      new SellerDetails("NO93 8601 1117 947", "DNBANOKK", false, true, "Oslo");
  // The invoice of 2025-03-03, due 2025-04-02: 30 days.
  private static final Supply FEBRUARY = new Supply(null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));
  private static final Supply DELIVERED = new Supply(LocalDate.of(2025, 2, 27), null, null);

  @Test
  void aSwedishInvoiceCarriesWhatSwedishLawAsksFor() {
    LetterContent content = invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER).with("K-1001", FEBRUARY, SWEDISH_DETAILS);

    String text = text(RENDERER.render(content, null));

    assertContains(text, "Kundnummer | K-1001", "Leveransperiod | 2025-02-01 – 2025-02-28",
        "Betalningsvillkor | 30 dagar netto",
        "Efter förfallodagen debiteras dröjsmålsränta enligt räntelagen.",
        "Styrelsens säte: Stockholm", "Org.nr 556677-8899 Momsreg.nr SE556677889901 Godkänd för F-skatt",
        "IBAN SE45 5000 0000 0583 9825 7466", "BIC ESSESESS");
    // In the payment box and in the footer.
    assertThat(text.split("IBAN SE45 5000 0000 0583 9825 7466", -1)).hasSize(3);
    assertThat(text).doesNotContain("Foretaksregisteret");
    // No logo of its own: the seller's name in the header, and in the footer.
    assertThat(text.split("Exempelbolaget AB", -1)).hasSize(3);
  }

  @Test
  void aNorwegianInvoiceCarriesWhatNorwegianLawAsksFor() {
    LetterContent content = invoice("nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER)
        .with("K-2002", DELIVERED, NORWEGIAN_DETAILS);

    String text = text(RENDERER.render(content, null));

    assertContains(text, "Kundenummer | K-2002", "Leveringsdato | 2025-02-27",
        "Betalingsbetingelser | 30 dager netto",
        "Ved betaling etter forfall beregnes forsinkelsesrente etter forsinkelsesrenteloven.",
        "Styrets sete: Oslo", "Org.nr. 923 456 783 MVA-nr. NO923456783MVA Foretaksregisteret",
        "Kontonummer 1503.12.34567", "IBAN NO93 8601 1117 947", "BIC DNBANOKK");
    assertThat(text).doesNotContain("F-skatt", "räntelagen", "Bankgiro");
    assertThat(text.split("Eksempelfirma AS", -1)).hasSize(3);
  }

  @Test
  void inEnglishTheSameFactsAreWordedInEnglishUnderTheSellersLaw() {
    String swedish = text(RENDERER.render(
        invoice("en", SWEDISH_SELLER, NORWEGIAN_BUYER).with("K-1001", DELIVERED, SWEDISH_DETAILS), null));
    String norwegian = text(RENDERER.render(
        invoice("en", NORWEGIAN_SELLER, SWEDISH_BUYER).with("K-2002", FEBRUARY, NORWEGIAN_DETAILS), null));

    assertContains(swedish, "Customer no. | K-1001", "Date of supply | 2025-02-27", "Payment terms | 30 days net",
        "Late-payment interest is charged after the due date under the Swedish Interest Act (räntelagen).",
        "Registered office: Stockholm", "Approved for F-tax", "IBAN SE45 5000 0000 0583 9825 7466", "BIC ESSESESS");
    assertContains(norwegian, "Period of supply | 2025-02-01 – 2025-02-28",
        "under the Norwegian Late Payment Interest Act (forsinkelsesrenteloven).", "Registered office: Oslo",
        "Foretaksregisteret");
  }

  @Test
  void aSupplyOnTheInvoiceDateIsNotRepeatedAndWithoutDetailsNothingIsMadeUp() {
    LetterContent sameDay = invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER)
        .with(null, new Supply(LocalDate.of(2025, 3, 3), null, null), null);

    String text = text(RENDERER.render(sameDay, null));

    assertThat(text).doesNotContain("Leverans", "Kundnummer", "F-skatt", "IBAN", "BIC", "Styrelsens säte");
    // The terms and the clause come from the dates and the seller's country, not from configuration.
    assertContains(text, "Betalningsvillkor | 30 dagar netto", "dröjsmålsränta enligt räntelagen");
  }

  @Test
  void aReminderCarriesTheSellerBlockAndTheClauseButNoTermsOrSupply() {
    LetterContent reminder = followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER)
        .with("K-1001", FEBRUARY, SWEDISH_DETAILS);

    String text = text(RENDERER.render(reminder, null));

    assertContains(text, "Kundnummer | K-1001", "dröjsmålsränta enligt räntelagen", "Godkänd för F-skatt",
        "Styrelsens säte: Stockholm", "IBAN SE45 5000 0000 0583 9825 7466");
    assertThat(text).doesNotContain("Betalningsvillkor", "Leveransperiod");
  }

  @Test
  void aCreditNoteCarriesTheSellerBlockButNoTermsOrInterestClause() {
    LetterContent creditNote = new LetterContent(DocumentKind.CREDIT_NOTE, "nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER,
        "100042", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 4, 2), LocalDate.of(2025, 3, 10), "NOK", LINES, NET,
        VAT, TOTAL, null, null, null, BigDecimal.ZERO, LocalDate.of(2025, 3, 10), null, 0, null,
        new LetterContent.Credit("100042-K1", "Feil pris"))
        .with("K-2002", DELIVERED, NORWEGIAN_DETAILS);

    String text = text(RENDERER.render(creditNote, null));

    assertContains(text, "Kreditnota", "Kundenummer | K-2002", "Styrets sete: Oslo", "Foretaksregisteret",
        "IBAN NO93 8601 1117 947", "BIC DNBANOKK", "Eksempelfirma AS");
    assertThat(text).doesNotContain("Betalingsbetingelser", "forsinkelsesrente", "Leveringsdato");
  }
}
