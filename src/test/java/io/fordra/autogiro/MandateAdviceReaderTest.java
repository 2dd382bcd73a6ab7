package io.fordra.autogiro;

import static io.fordra.autogiro.MandateAdviceFiles.advice;
import static io.fordra.autogiro.MandateAdviceFiles.end;
import static io.fordra.autogiro.MandateAdviceFiles.file;
import static io.fordra.autogiro.MandateAdviceFiles.opening;
import static io.fordra.autogiro.MandateAdviceFiles.tk73;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fordra.autogiro.MandateAdviceCodes.Effect;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mandate advice (TK01, TK73, TK09) of "Bg Autogiro technical manual", read field by field. */
class MandateAdviceReaderTest {

  @Test
  void theRecordsAreReadAtTheManualsPositions() {
    String approved = tk73("4711", "5000000001234567", "197001011233", "04", "32", "20260303");
    assertThat(approved).hasSize(80);
    assertThat(opening("20260303")).hasSize(80);
    assertThat(end("20260303", 1)).hasSize(80);

    MandateAdviceReader.ParsedAdvice parsed = MandateAdviceReader.read(advice(approved));
    assertThat(parsed.written()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(parsed.payeeCustomerNumber()).isEqualTo("471117");
    assertThat(parsed.payeeBankgiro()).isEqualTo("50501055");
    assertThat(parsed.records()).singleElement().satisfies(a -> {
      assertThat(a.lineNo()).isEqualTo(2);
      assertThat(a.payeeBankgiro()).isEqualTo("50501055");
      assertThat(a.payerNumber()).isEqualTo("4711");
      assertThat(a.account()).isEqualTo("5000000001234567");
      assertThat(a.payerId()).isEqualTo("197001011233");
      assertThat(a.information()).isEqualTo("04");
      assertThat(a.comment()).isEqualTo("32");
      assertThat(a.date()).isEqualTo(LocalDate.of(2026, 3, 3));
      assertThat(a.problem()).isNull();
    });
  }

  @Test
  void theOldOpeningLF_andRecordsCutShortAfterTheirLastCharacterAreRead() {
    String old = "01" + "20260303" + "9900" + "0050501055" + "AG-MEDAVI";
    byte[] content = (old + "\n" + tk73("4711", null, null, "46", "02", "20260303").stripTrailing() + "\n"
        + end("20260303", 1).stripTrailing() + "\n\n").getBytes(StandardCharsets.ISO_8859_1);
    MandateAdviceReader.ParsedAdvice parsed = MandateAdviceReader.read(content);
    assertThat(parsed.payeeBankgiro()).isEqualTo("50501055");
    assertThat(parsed.payeeCustomerNumber()).isNull();
    assertThat(parsed.records()).singleElement().satisfies(a -> {
      assertThat(a.information()).isEqualTo("46");
      assertThat(a.account()).isNull();
      assertThat(a.payerId()).isNull();
    });
  }

  @Test
  void aTruncatedFileIsRefusedWhole() {
    byte[] noEnd = file(List.of(opening("20260303"), tk73("4711", null, null, "04", "32", "20260303")));
    MandateAdviceRejected e = catchThrowableOfType(MandateAdviceRejected.class, () -> MandateAdviceReader.read(noEnd));
    assertThat(e.problems()).extracting(Object::toString)
        .containsExactly("file: has no end record TK09: the file is truncated");
  }

  @Test
  void aCountThatDoesNotMatchIsRefusedWhole() {
    byte[] wrong = file(List.of(opening("20260303"), tk73("4711", null, null, "04", "32", "20260303"),
        end("20260303", 2)));
    assertThatThrownBy(() -> MandateAdviceReader.read(wrong)).isInstanceOf(MandateAdviceRejected.class)
        .hasMessageContaining("the end record counts 2 TK73 records, the file has 1");
  }

  @Test
  void anUnknownRecordRecordsAfterTheEndAndAMissingOpeningAreRefused() {
    assertThatThrownBy(() -> MandateAdviceReader.read(file(List.of(opening("20260303"), "82" + " ".repeat(78),
        end("20260303", 0))))).isInstanceOf(MandateAdviceRejected.class)
        .hasMessageContaining("record type '82' is not one a mandate advice has");
    assertThatThrownBy(() -> MandateAdviceReader.read(file(List.of(opening("20260303"), end("20260303", 0),
        tk73("4711", null, null, "04", "32", "20260303"))))).isInstanceOf(MandateAdviceRejected.class)
        .hasMessageContaining("comes after the end record TK09");
    assertThatThrownBy(() -> MandateAdviceReader.read(file(List.of(tk73("4711", null, null, "04", "32", "20260303"),
        end("20260303", 0))))).isInstanceOf(MandateAdviceRejected.class)
        .hasMessageContaining("is not the opening record of a mandate advice");
    assertThatThrownBy(() -> MandateAdviceReader.read(new byte[0])).isInstanceOf(MandateAdviceRejected.class);
    assertThatThrownBy(() -> MandateAdviceReader.read(file(List.of(opening("20260303"),
        tk73("4711", null, null, "04", "32", "20260303") + "XYZ", end("20260303", 1)))))
        .isInstanceOf(MandateAdviceRejected.class).hasMessageContaining("is 83 characters");
  }

  @Test
  void aTk73ThatCannotBeReadIsKeptAside_notTheFile() {
    String bad = "73" + MandateAdviceFiles.BANKGIRO + "00000000ABC47110" + " ".repeat(33) + "0432" + "20260303"
        + " ".repeat(7);
    MandateAdviceReader.ParsedAdvice parsed = MandateAdviceReader.read(advice(bad,
        tk73("4712", null, null, "04", "32", "20260303")));
    assertThat(parsed.records()).hasSize(2);
    assertThat(parsed.records().get(0).problem()).isEqualTo(
        "the payer number (positions 13-28) is not 1-16 digits: '00000000ABC47110'");
    assertThat(parsed.records().get(1).problem()).isNull();
  }

  @Test
  void everyInformationCodeHasItsEffect() {
    assertThat(MandateAdviceCodes.effect("04", "32")).isEqualTo(Effect.ACTIVE);
    assertThat(MandateAdviceCodes.effect("42", "32")).isEqualTo(Effect.ACTIVE);
    for (String comment : List.of("09", "10", "20", "21", "23", "29", "30")) {
      assertThat(MandateAdviceCodes.effect("04", comment)).as(comment).isEqualTo(Effect.REJECTED);
    }
    assertThat(MandateAdviceCodes.effect("42", "03")).isEqualTo(Effect.REJECTED);
    assertThat(MandateAdviceCodes.effect("42", "05")).isEqualTo(Effect.REJECTED);
    for (String info : List.of("03", "10", "43", "44", "46", "93")) {
      assertThat(MandateAdviceCodes.effect(info, "02")).as(info).isEqualTo(Effect.CANCELLED);
    }
    assertThat(MandateAdviceCodes.effect("05", "32")).isEqualTo(Effect.PAYER_NUMBER_CHANGED);
    assertThat(MandateAdviceCodes.effect("77", "32")).isEqualTo(Effect.UNKNOWN);
    assertThat(MandateAdviceCodes.effect("04", "77")).isEqualTo(Effect.UNKNOWN);
    assertThat(MandateAdviceCodes.describe("04", "23"))
        .isEqualTo("04/23: new mandate initiated by the payee; incorrect bank account number");
  }

  @Test
  void aMandateAdviceIsKnownByItsOpening() {
    assertThat(MandateAdviceReader.looksLikeMandateAdvice(advice())).isTrue();
    assertThat(MandateAdviceReader.looksLikeMandateAdvice(("01AUTOGIRO" + " ".repeat(70))
        .getBytes(StandardCharsets.ISO_8859_1))).isFalse();
  }
}
