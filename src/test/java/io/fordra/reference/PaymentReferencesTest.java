package io.fordra.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentReferencesTest {

  /** Bases of every allowed length, with zeros and nines in awkward places (Luhn doubles 9 to 18, i.e. 9). */
  private static List<String> bases(int maxLength) {
    String pattern = "9081726354453627180900519";
    List<String> bases = new ArrayList<>();
    for (int length = 1; length <= maxLength; length++) {
      bases.add(pattern.substring(0, length));
      bases.add("0".repeat(length));
      bases.add("9".repeat(length));
    }
    return bases;
  }

  /** Every reference that differs from {@code reference} in exactly one digit. */
  private static List<String> singleDigitChanges(String reference) {
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < reference.length(); i++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit != reference.charAt(i)) {
          changed.add(reference.substring(0, i) + digit + reference.substring(i + 1));
        }
      }
    }
    return changed;
  }

  private static void assertEveryIssuedReferenceValidatesAndEverySingleDigitChangeDoesNot(
      int maxBaseLength, Function<String, String> issue, Predicate<String> isValid) {
    for (String base : bases(maxBaseLength)) {
      String reference = issue.apply(base);
      assertThat(reference).as("reference for %s", base).startsWith(base);
      assertThat(isValid.test(reference)).as("%s is valid", reference).isTrue();
      for (String changed : singleDigitChanges(reference)) {
        assertThat(isValid.test(changed)).as("%s (changed from %s) is valid", changed, reference).isFalse();
      }
    }
  }

  @Nested
  class Luhn {

    @Test
    void publishedExampleFromTheLuhnAlgorithmDescription() {
      // The textbook example: 7992739871 gets check digit 3, giving 79927398713.
      assertThat(PaymentReferences.luhnCheckDigit("7992739871")).isEqualTo("3");
    }

    @Test
    void visaTestCardNumberEndsInItsCheckDigit() {
      // 4111 1111 1111 1111, the well-known Visa test number, is Luhn-valid.
      assertThat(PaymentReferences.luhnCheckDigit("411111111111111")).isEqualTo("1");
    }

    @Test
    void zerosOnlyGiveCheckDigitZero() {
      assertThat(PaymentReferences.luhnCheckDigit("0")).isEqualTo("0");
      assertThat(PaymentReferences.luhnCheckDigit("0000000000")).isEqualTo("0");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a4", " 123", "123 ", "-1", "1.5", "١٢٣"})
    void rejectsAnythingButAsciiDigits(String input) {
      assertThatThrownBy(() -> PaymentReferences.luhnCheckDigit(input))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Luhn input");
    }
  }

  @Nested
  class SwedishOcr {

    @Test
    void appendsLengthDigitThenLuhnCheckDigit() {
      // Base 12345 has 5 digits, the finished reference 7, so the length digit is (5 + 2) % 10 = 7: "123457".
      // Luhn over 123457, from the right, doubling every other digit starting with the rightmost:
      //   7*2 = 14 -> 1+4 = 5,   5,   4*2 = 8,   3,   2*2 = 4,   1   =>  5+5+8+3+4+1 = 26
      // The check digit tops 26 up to 30: 4. The OCR reference is 1234574.
      assertThat(PaymentReferences.swedishOcr("12345")).isEqualTo("1234574");
    }

    @Test
    void lengthDigitIsTheTotalLengthModuloTen() {
      assertThat(PaymentReferences.swedishOcr("1")).hasSize(3).startsWith("13");
      assertThat(PaymentReferences.swedishOcr("12345678")).hasSize(10).startsWith("123456780");
      assertThat(PaymentReferences.swedishOcr("123456789")).hasSize(11).startsWith("1234567891");
      assertThat(PaymentReferences.swedishOcr("1".repeat(23))).hasSize(25).startsWith("1".repeat(23) + "5");
    }

    @Test
    void everyIssuedReferenceValidatesAndAnySingleWrongDigitIsCaught() {
      assertEveryIssuedReferenceValidatesAndEverySingleDigitChangeDoesNot(
          23, PaymentReferences::swedishOcr, PaymentReferences::isValidSwedishOcr);
    }

    @Test
    void lengthDigitCatchesADroppedLeadingZeroThatLuhnAloneMisses() {
      String ocr = PaymentReferences.swedishOcr("012345");
      String leadingZeroDropped = ocr.substring(1);

      assertThat(PaymentReferences.isValidNorwegianKid(leadingZeroDropped)).as("Luhn alone").isTrue();
      assertThat(PaymentReferences.isValidSwedishOcr(leadingZeroDropped)).isFalse();
    }

    @Test
    void rejectsLuhnValidReferenceWithWrongLengthDigit() {
      String wrongLengthDigit = "123458" + PaymentReferences.luhnCheckDigit("123458");

      assertThat(PaymentReferences.isValidSwedishOcr(wrongLengthDigit)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "12", "12a4574", " 1234574", "1234574 ", "12345-74", "١٢٣٤٥٧٤"})
    void isValidRejectsMalformedInput(String ocr) {
      assertThat(PaymentReferences.isValidSwedishOcr(ocr)).isFalse();
    }

    @Test
    void isValidRejectsMoreThan25Digits() {
      String base = "1".repeat(24);
      String tooLong = base + "6" + PaymentReferences.luhnCheckDigit(base + "6");

      assertThat(tooLong).hasSize(26);
      assertThat(PaymentReferences.isValidSwedishOcr(tooLong)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a45", "123 45", "+12345", "١٢٣"})
    void rejectsBaseThatIsNotAsciiDigits(String base) {
      assertThatThrownBy(() -> PaymentReferences.swedishOcr(base))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Swedish OCR base");
    }

    @Test
    void rejectsBaseLongerThan23Digits() {
      assertThat(PaymentReferences.swedishOcr("1".repeat(23))).hasSize(25);
      assertThatThrownBy(() -> PaymentReferences.swedishOcr("1".repeat(24)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Swedish OCR base must be at most 23 digits, but was 24 digits");
    }
  }

  @Nested
  class NorwegianKid {

    @Test
    void appendsLuhnCheckDigit() {
      // Luhn over 1234567, from the right: 7*2 = 14 -> 5, 6, 5*2 = 10 -> 1, 4, 3*2 = 6, 2, 1*2 = 2
      //   => 5+6+1+4+6+2+2 = 26, check digit 4.
      assertThat(PaymentReferences.norwegianKid("1234567")).isEqualTo("12345674");
    }

    @Test
    void everyIssuedReferenceValidatesAndAnySingleWrongDigitIsCaught() {
      assertEveryIssuedReferenceValidatesAndEverySingleDigitChangeDoesNot(
          24, PaymentReferences::norwegianKid, PaymentReferences::isValidNorwegianKid);
    }

    @Test
    void rejectsMod11KidEvenWhenItsMod11CheckIsRight() {
      // 12345678 with MOD11 weights 2,3,4,5,6,7 from the right: 8*2+7*3+6*4+5*5+4*6+3*7+2*2+1*3 = 138,
      // 138 % 11 = 6, check digit 11 - 6 = 5. Fordra issues MOD10 only, so this MOD11 KID is not accepted.
      assertThat(PaymentReferences.luhnCheckDigit("12345678")).isNotEqualTo("5");
      assertThat(PaymentReferences.isValidNorwegianKid("123456785")).isFalse();
      assertThat(PaymentReferences.isValidNorwegianKid("1234567-")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "12345674 ", "1234567a", "١٢"})
    void isValidRejectsMalformedInput(String kid) {
      assertThat(PaymentReferences.isValidNorwegianKid(kid)).isFalse();
    }

    @Test
    void isValidAcceptsAtMost25Digits() {
      String longest = PaymentReferences.norwegianKid("1".repeat(24));
      String base25 = "1".repeat(25);

      assertThat(PaymentReferences.isValidNorwegianKid(longest)).isTrue();
      assertThat(PaymentReferences.isValidNorwegianKid(base25 + PaymentReferences.luhnCheckDigit(base25))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a45", "123 45", "-1", "１２３"})
    void rejectsBaseThatIsNotAsciiDigits(String base) {
      assertThatThrownBy(() -> PaymentReferences.norwegianKid(base))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Norwegian KID base");
    }

    @Test
    void rejectsBaseLongerThan24Digits() {
      assertThat(PaymentReferences.norwegianKid("1".repeat(24))).hasSize(25);
      assertThatThrownBy(() -> PaymentReferences.norwegianKid("1".repeat(25)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Norwegian KID base must be at most 24 digits, but was 25 digits");
    }
  }
}
