package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/stubs/autogiro_bank.py answers Fordra's mandate file with a mandate advice that Fordra reads. */
class AutogiroBankStubTest {

  @TempDir Path dir;

  @Test
  void theStubsAdviceIsReadByFordra_approvedRejectedCancelledAndFromTheInternetBank() throws Exception {
    assumeTrue(Files.exists(Path.of("scripts/stubs/autogiro_bank.py")));
    Path outbox = Files.createDirectories(dir.resolve("outbox"));
    Path inbox = dir.resolve("inbox");
    Files.write(outbox.resolve("autogiro-mandates-20260302-000001.txt"), MandateFileWriter.write(
        LocalDate.of(2026, 3, 2), "471117", "50501055", List.of(
            new MandateFileWriter.Entry(Mandate.PendingAction.NEW, "4711", "5000000001234567", "197001011233"),
            new MandateFileWriter.Entry(Mandate.PendingAction.NEW, "4712", "5000000001234567", "197001011233"),
            new MandateFileWriter.Entry(Mandate.PendingAction.CANCEL, "4713", null, null))));
    Process stub;
    try {
      stub = new ProcessBuilder("python3", "scripts/stubs/autogiro_bank.py", "--outbox", outbox.toString(),
          "--inbox", inbox.toString(), "--reject", "4712=23", "--internet-bank", "4714:197001011233")
          .redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "python3 is not installed");
      return;
    }
    String output = new String(stub.getInputStream().readAllBytes());
    assertThat(stub.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(stub.exitValue()).as(output).isZero();

    List<Path> advice;
    try (var files = Files.list(inbox)) {
      advice = files.toList();
    }
    assertThat(advice).singleElement();
    MandateAdviceReader.ParsedAdvice parsed = MandateAdviceReader.read(Files.readAllBytes(advice.get(0)));
    assertThat(parsed.payeeBankgiro()).isEqualTo("50501055");
    assertThat(parsed.payeeCustomerNumber()).isEqualTo("471117");
    assertThat(parsed.records()).extracting(a -> a.payerNumber() + " " + a.information() + "/" + a.comment())
        .containsExactly("4711 04/32", "4712 04/23", "4713 03/33", "4714 04/32");
    assertThat(parsed.records()).allSatisfy(a -> assertThat(a.problem()).isNull());
  }
}
