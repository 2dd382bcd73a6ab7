package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The payer's identifiers as a TK04 writes them: Luhn-checked personnummer and organisationsnummer, accounts. */
class MandatePayersTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Test
  void aPersonnummerGetsItsCentury_anOrganisationsnummerGets00() {
    assertThat(MandatePayers.payerId("19700101-1233", TODAY)).isEqualTo("197001011233");
    assertThat(MandatePayers.payerId("700101-1233", TODAY)).isEqualTo("197001011233");
    assertThat(MandatePayers.payerId("0101011230", TODAY)).isNull();   // wrong check digit
    assertThat(MandatePayers.payerId("700101+1233", TODAY)).isEqualTo("187001011233");
    assertThat(MandatePayers.payerId("556036-0793", TODAY)).isEqualTo("005560360793");
    assertThat(MandatePayers.payerId("16556036-0793", TODAY)).isEqualTo("005560360793");
    assertThat(MandatePayers.payerId("700101-1234", TODAY)).isNull();
    assertThat(MandatePayers.payerId("701301-1234", TODAY)).isNull();
    assertThat(MandatePayers.payerId("abc", TODAY)).isNull();
  }

  @Test
  void anAccountIsClearingAnd12Digits_aBankgiroIs9900AndTheNumber() {
    assertThat(MandatePayers.account("5000 1234567")).isEqualTo("5000000001234567");
    assertThat(MandatePayers.account("8327-9, 123 456 789-0")).isEqualTo("8327001234567890");
    assertThat(MandatePayers.account("1234567")).isNull();
    assertThat(MandatePayers.account("9900 1234567")).isNull();
    assertThat(MandatePayers.bankgiro("5050-1055")).isEqualTo("9900000050501055");
    assertThat(MandatePayers.bankgiro("5050-1056")).isNull();
  }

  @Test
  void aPayerNumberIs1To16Digits() {
    assertThat(MandatePayers.isPayerNumber("4711")).isTrue();
    assertThat(MandatePayers.isPayerNumber("12345678901234567")).isFalse();
    assertThat(MandatePayers.isPayerNumber("47-11")).isFalse();
    assertThat(MandatePayers.isPayerNumber("0000")).isFalse();
  }
}
