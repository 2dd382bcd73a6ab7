package io.fordra.avtalegiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.kernel.FileRejected;
import io.fordra.payment.file.OcrGiroFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AvtaleGiro agreement information: registration types, KIDs, the notification flag, counts and truncation. */
class AgreementFileReaderTest {

  private final AgreementFileReader reader = new AgreementFileReader();

  @Test
  void everyRegistrationTypeIsReadWithItsKidAndNotificationFlag() {
    AgreementFileReader.AgreementFile file = reader.read(new OcrGiroFile().agreements(
        new String[] {"0", "000112000507155", "J"},
        new String[] {"1", "1006300507304", "N"},
        new String[] {"2", "1000182", "J"}).build());
    assertThat(file.agreements()).containsExactly(
        new AgreementFileReader.Agreement(3, '0', "000112000507155", true),
        new AgreementFileReader.Agreement(4, '1', "1006300507304", false),
        new AgreementFileReader.Agreement(5, '2', "1000182", true));
    assertThat(file.remarks()).isEmpty();
  }

  @Test
  void paymentsInTheSameTransmissionAreCountedAndLeftToThePaymentsInbox() {
    AgreementFileReader.AgreementFile file = reader.read(new OcrGiroFile()
        .assignment().payment("10", "1000182", 50000).payment("18", "1000182", -20000).endAssignment()
        .agreements(new String[] {"1", "1000182", "N"}).build());
    assertThat(file.agreements()).singleElement().extracting(AgreementFileReader.Agreement::kid).isEqualTo("1000182");
    assertThat(file.remarks()).singleElement().asString().contains("payments inbox");
  }

  @Test
  void aCutShortOrMiscountedFileIsRefusedWhole() {
    String text = new OcrGiroFile().agreements(new String[] {"1", "1000182", "J"}).text();
    assertThat(problems(text.substring(0, text.indexOf("NY000089"))))
        .anySatisfy(p -> assertThat(p).contains("cut short"));
    assertThat(problems(new OcrGiroFile().agreements(new String[] {"1", "1000182", "J"}).text(1, 6, 0)))
        .containsExactly("line 5: end record says 6 records, the file has 5");
    assertThat(problems(text.replace("1000182J", "1000182X")))
        .containsExactly("line 3: notification flag (position 42) is 'X', expected J or N");
    assertThat(problems(text.replace("NY21947000000011", "NY21947000000017")))
        .anySatisfy(p -> assertThat(p).contains("registration type (position 16) is '7'"));
  }

  /** examples/AVTALEGIRO-20261204.txt, written by scripts/stubs/ocr_giro_file.py. */
  @Test
  void theExampleFileOfTheStubScriptIsRead() throws Exception {
    assertThat(reader.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/AVTALEGIRO-20261204.txt")))
        .agreements()).containsExactly(new AgreementFileReader.Agreement(3, '1', "1000072", true),
            new AgreementFileReader.Agreement(4, '2', "1000080", false));
  }

  private List<String> problems(String text) {
    try {
      reader.read(text.getBytes(StandardCharsets.ISO_8859_1));
    } catch (FileRejected e) {
      return e.problems().stream().map(FileRejected.Problem::toString).toList();
    }
    throw new AssertionError("the file was not refused");
  }
}
