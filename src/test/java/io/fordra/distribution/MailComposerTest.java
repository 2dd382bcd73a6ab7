package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fordra.customer.Country;
import io.fordra.document.Letters;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates, amounts and payment details as each mail language writes them (issue 15, item 11): no Spring. */
class MailComposerTest {

  private static final MailProperties PROPERTIES = new MailProperties("faktura@exempelbolaget.se", "target/x",
      "fordra.test");

  private final MailComposer swedish = new MailComposer(PROPERTIES, mock(MailGateway.class), Letters.SELLER);

  @Test
  void datesAndAmountsAreWrittenAsTheLanguageWritesThem() {
    LocalDate day = LocalDate.of(2026, 12, 2);
    assertThat(swedish.date(day, "sv")).isEqualTo("2 december 2026");
    assertThat(swedish.date(day, "nb")).isEqualTo("2. desember 2026");
    assertThat(swedish.date(day, "en")).isEqualTo("2 December 2026");
    assertThat(swedish.amount(new BigDecimal("498.75"), "SEK", "sv")).isEqualTo("498,75 SEK");
    assertThat(swedish.amount(new BigDecimal("2500"), "NOK", "nb")).isEqualTo("2\u00a0500,00 NOK");
    assertThat(swedish.amount(new BigDecimal("2500"), "EUR", "en")).isEqualTo("2,500.00 EUR");
  }

  @Test
  void theSellerIsPaidByBankgiroWithOcrOrToItsAccountWithKid() {
    assertThat(swedish.payTo("sv")).isEqualTo("bankgiro 5050-1055");
    assertThat(swedish.referenceLabel()).isEqualTo("OCR");

    SellerProperties s = Letters.SELLER;
    MailComposer norwegian = new MailComposer(PROPERTIES, mock(MailGateway.class), new SellerProperties(s.name(),
        s.organisationNumber(), s.vatNumber(), s.street(), s.postalCode(), s.city(), Country.NO, s.email(), s.phone(),
        null, "1503.12.34567", s.logo()));
    assertThat(norwegian.payTo("nb")).isEqualTo("kontonummer 1503.12.34567");
    assertThat(norwegian.referenceLabel()).isEqualTo("KID");
  }

  @Test
  void aPayerAbroadIsToldTheIbanAndBicWhereTheSellerHasThem() {
    SellerProperties s = Letters.SELLER;
    MailComposer withIban = new MailComposer(PROPERTIES, mock(MailGateway.class), new SellerProperties(s.name(),
        s.organisationNumber(), s.vatNumber(), s.street(), s.postalCode(), s.city(), s.country(), s.email(), s.phone(),
        s.bankgiro(), null, null, "SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, null));

    assertThat(withIban.payTo("en", Country.DE)).isEqualTo("IBAN SE45 5000 0000 0583 9825 7466, BIC ESSESESS");
    assertThat(withIban.payTo("sv", Country.SE)).isEqualTo("bankgiro 5050-1055");
    assertThat(withIban.payTo("nb", Country.NO)).isEqualTo("bankgiro 5050-1055");
    assertThat(swedish.payTo("en", Country.US)).as("no IBAN: as at home").isEqualTo(swedish.payTo("en"));
  }
}
