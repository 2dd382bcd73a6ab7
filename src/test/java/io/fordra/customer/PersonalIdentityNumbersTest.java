package io.fordra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A private customer's identity number (issue 15: it was stored unchecked): personnummer and fødselsnummer. */
class PersonalIdentityNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"121212-1212", "1212121212", "19121212-1212", "191212121212", "811218-9876",
      "121212+1212", "811278-9873"})
  void validSwedishNumbers(String number) {
    assertThat(PersonalIdentityNumbers.isValid(Country.SE, number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"121212-1213", "19121212-1213", "121312-1211", "121200-1216", "12121212121",
      "1212121212121", "abcdefghij", "", "121212/1212"})
  void invalidSwedishNumbers(String number) {
    assertThat(PersonalIdentityNumbers.isValid(Country.SE, number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"15019012317", "01010145674", "150190 12317"})
  void validNorwegianNumbers(String number) {
    assertThat(PersonalIdentityNumbers.isValid(Country.NO, number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"15019012318", "15019012327", "1501901231", "150190123170", "5560360793"})
  void invalidNorwegianNumbers(String number) {
    assertThat(PersonalIdentityNumbers.isValid(Country.NO, number)).isFalse();
  }
}
