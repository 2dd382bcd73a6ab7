package io.fordra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"556036-0793", "5560360793", "202100-5489", "2021005489"})
  void validSwedishNumbers(String number) {
    assertThat(OrganisationNumbers.isValid(Country.SE, number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"923609016", "974760673", "923609040"})
  void validNorwegianNumbers(String number) {
    assertThat(OrganisationNumbers.isValid(Country.NO, number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"556036-0794", "5560360794", "556036-0790", "5560360783", "6560360793", "202100-5488"})
  void swedishCheckDigitMustMatchLuhn(String number) {
    assertThat(OrganisationNumbers.isValid(Country.SE, number)).isFalse();
  }

  @Test
  void everyWrongSwedishCheckDigitIsRejected() {
    IntStream.rangeClosed(0, 9).filter(d -> d != 3).forEach(d ->
        assertThat(OrganisationNumbers.isValid(Country.SE, "556036079" + d)).as("check digit %d", d).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"923609017", "974760674", "923609015", "923609041", "823609016"})
  void norwegianCheckDigitMustMatchMod11(String number) {
    assertThat(OrganisationNumbers.isValid(Country.NO, number)).isFalse();
  }

  @Test
  void everyWrongNorwegianCheckDigitIsRejected() {
    IntStream.rangeClosed(0, 9).filter(d -> d != 6).forEach(d ->
        assertThat(OrganisationNumbers.isValid(Country.NO, "92360901" + d)).as("check digit %d", d).isFalse());
  }

  /** 92360913: MOD11 gives 10, so no check digit can make it a valid number. */
  @Test
  void norwegianBaseWhoseCheckWouldBeTenHasNoValidNumber() {
    IntStream.rangeClosed(0, 9).forEach(d ->
        assertThat(OrganisationNumbers.isValid(Country.NO, "92360913" + d)).as("check digit %d", d).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "556036079", "55603607930", "556036-07930", "0", "05560360793"})
  void swedishNumbersHaveTenDigits(String number) {
    assertThat(OrganisationNumbers.isValid(Country.SE, number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "92360901", "9236090160", "0923609016", "5560360793"})
  void norwegianNumbersHaveNineDigits(String number) {
    assertThat(OrganisationNumbers.isValid(Country.NO, number)).isFalse();
  }

  @Test
  void aValidNumberOfOneCountryIsNotValidForTheOther() {
    assertThat(OrganisationNumbers.isValid(Country.NO, "556036-0793")).isFalse();
    assertThat(OrganisationNumbers.isValid(Country.SE, "923609016")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"556036-079A", "A560360793", "ABCDEFGHIJ", "556O360793", "556036.0793", "556036+0793",
      "5560360793x"})
  void swedishNumbersWithLettersOrOtherCharactersAreRejected(String number) {
    assertThat(OrganisationNumbers.isValid(Country.SE, number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"92360901X", "X23609016", "9236O9016", "MVA923609016", "923609016MVA", "ABCDEFGHI"})
  void norwegianNumbersWithLettersAreRejected(String number) {
    assertThat(OrganisationNumbers.isValid(Country.NO, number)).isFalse();
  }

  /**
   * Only ASCII digits are digits of an organisation number. "5560360\uFF1993" (a full-width nine) passes
   * Character.isDigit, and its char arithmetic ('\uFF19' - '0' = 65257) happens to satisfy Luhn.
   */
  @Test
  void nonAsciiDigitsAreNotDigits() {
    assertThat(OrganisationNumbers.isValid(Country.SE, "5560360\uFF1993")).isFalse();
    assertThat(OrganisationNumbers.isValid(Country.SE, "55603607\uFF113")).isFalse();
  }
}
