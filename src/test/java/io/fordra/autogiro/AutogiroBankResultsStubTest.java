package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fordra.invoice.InvoiceService;
import io.fordra.payment.file.ParsedPaymentFile;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/stubs/autogiro_bank_results.py answers a payment file Fordra wrote with a file Fordra reads. */
class AutogiroBankResultsStubTest {

  @TempDir Path dir;

  @Test
  void theStubsResultOfAPaymentFileReadsAsApprovedAndFailedDebits() throws Exception {
    Assumptions.assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 available");
    Path paymentFile = dir.resolve("AUTOGIRO-BET-1.txt");
    LocalDate day = LocalDate.of(2026, 4, 1);
    Files.write(paymentFile, AutogiroPaymentRecords.file(day.minusDays(1), "4711", "9912346", List.of(
        new AutogiroPaymentRecords.Order("111", day, new BigDecimal("1250.00"), "1234567897"),
        new AutogiroPaymentRecords.Order("222", day, new BigDecimal("99.50"), "55555"),
        new AutogiroPaymentRecords.Order("333", day, new BigDecimal("10.00"), "66666")),
        List.of(new AutogiroPaymentRecords.Order("333", day, new BigDecimal("10.00"), "66666"))));
    Path inbox = dir.resolve("inbox");

    Process stub = new ProcessBuilder("python3", "scripts/stubs/autogiro_bank_results.py", paymentFile.toString(),
        "--out", inbox.toString(), "--fail", "222=1").redirectErrorStream(true).start();
    String output = new String(stub.getInputStream().readAllBytes());
    assertThat(stub.waitFor()).as(output).isZero();

    ParsedPaymentFile parsed = new AutogiroPaymentResults(mock(DebitOrderRepository.class), mock(InvoiceService.class),
        mock(FailedDebits.class), mock(FordraClock.class), AutogiroPaymentSpecificationTest.NOT_CONFIGURED)
        .read(Files.readAllBytes(inbox.resolve("AUTOGIRO-BETSPEC-AUTOGIRO-BET-1.txt")));
    assertThat(parsed.payments()).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo("1250.00");
      assertThat(p.references()).containsExactly("1234567897");
    });
    assertThat(parsed.aside()).singleElement().satisfies(a -> assertThat(a.reason())
        .isEqualTo("Not debited from payer number 222 (reference 55555): insufficient funds (täckning saknas)"));
    assertThat(output).contains("1 cancelled by TK23");
  }
}
