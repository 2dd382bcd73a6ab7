package io.fordra.invoice.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyChar;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.file.InvoiceFileSummary.Mode;
import io.fordra.invoice.file.InvoiceFileSummary.Source;
import io.fordra.invoice.file.InvoiceFileSummary.Status;
import io.fordra.kernel.FileRejected;
import io.fordra.process.FordraClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/**
 * Receiving an invoice file, without Spring or the engine: the import process is behind its port
 * ({@link InvoiceFileImports}), the tables behind the repository; both are mocks.
 */
class InvoiceFileServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final String HEADER = "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;"
      + "unitPrice;vatRate\n";
  private static final String LINE = "F-2026-1;C-1;2026-11-01;2026-12-01;SEK;Konsult;1;100,00;25\n";

  private final InvoiceFileRepository files = mock(InvoiceFileRepository.class);
  private final InvoiceFileImports imports = mock(InvoiceFileImports.class);
  private final NaturalKeys naturalKeys = mock(NaturalKeys.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final InvoiceFileService service = new InvoiceFileService(files, mock(InvoiceService.class),
      mock(CustomerService.class), imports, clock, naturalKeys, "per-invoice", 200);

  @BeforeEach
  void aNaturalKeyThatIsFree() {
    when(clock.now()).thenReturn(NOW);
    when(naturalKeys.claim(anyString(), any(Supplier.class)))
        .thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
    when(files.insert(anyString(), anyString(), any(), any(), anyString(), anyChar(), any(), any(), any()))
        .thenReturn(41L);
  }

  @Test
  void aFileIsStagedAndItsImportStartedInTheFilesMode() {
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, Mode.ALL_OR_NOTHING)));

    InvoiceFileSummary summary = receive(HEADER + LINE, Mode.ALL_OR_NOTHING);

    assertThat(summary.id()).isEqualTo(41L);
    verify(files).group(41L);
    verify(imports).start(41L, true);
  }

  @Test
  void withoutAModeTheConfiguredOneHolds() {
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, Mode.PER_INVOICE)));

    receive(HEADER + LINE, null);

    verify(files).insert(eq("billing.csv"), anyString(), eq(Source.UPLOAD), any(), anyString(), eq(';'),
        eq(Mode.PER_INVOICE), eq(NOW), eq("fia"));
    verify(imports).start(41L, false);
  }

  @Test
  void theSameFileAgainAnswersWithTheFirstImportAndStartsNothing() {
    when(files.findByHash(anyString())).thenReturn(Optional.of(summary(7L, Mode.PER_INVOICE)));

    InvoiceFileSummary again = receive(HEADER + LINE, null);

    assertThat(again.id()).isEqualTo(7L);
    assertThat(again.sameFileAgain()).isTrue();
    verifyNoInteractions(imports);
    verify(files, never()).group(anyLong());
  }

  @Test
  void anEmptyFileOrOneWithoutLinesIsRejectedAndNoImportStarts() {
    assertThatThrownBy(() -> receive("", null)).isInstanceOfSatisfying(InvoiceFileRejected.class,
        e -> assertThat(e.problems()).containsExactly(new FileRejected.Problem("file", "is empty")));
    assertThatThrownBy(() -> receive(HEADER, null)).isInstanceOfSatisfying(InvoiceFileRejected.class,
        e -> assertThat(e.problems())
            .containsExactly(new FileRejected.Problem("file", "has a header row but no invoice lines")));
    verifyNoInteractions(imports);
  }

  private InvoiceFileSummary receive(String csv, Mode mode) {
    return service.receive("billing.csv", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)),
        Source.UPLOAD, null, "fia", mode);
  }

  private static InvoiceFileSummary summary(long id, Mode mode) {
    return new InvoiceFileSummary(id, "billing.csv", Source.UPLOAD, mode, Status.IMPORTING, "UTF-8", ";", 1, 1, 0,
        0, 0, 0, 0, 0, Map.of(), NOW, "fia", null, List.of(), 0, false);
  }
}
