package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.database.NaturalKeys;
import io.fordra.kernel.FileRejected.Problem;
import io.fordra.kernel.NotFoundException;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.process.FordraClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Receiving and booking a payment file, without Spring, the engine or a database: the import process is behind its
 * port ({@link PaymentFileImports}), the tables behind the repository, matching behind {@link PaymentMatcher} (all
 * mocks). BgMax files are read by the real reader; six payments, 8 950.50 SEK in the sample.
 */
class PaymentFileServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final byte[] SAMPLE = resource("/payment-files/bgmax/two-deposits.txt");

  private final PaymentFileRepository files = mock(PaymentFileRepository.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<PaymentFileReader> xmlReader = mock(ObjectProvider.class);
  private final PaymentMatcher matcher = mock(PaymentMatcher.class);
  private final PaymentService payments = mock(PaymentService.class);
  private final PaymentFileImports imports = mock(PaymentFileImports.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final NaturalKeys naturalKeys = mock(NaturalKeys.class);
  private final PaymentFileService service = new PaymentFileService(files, new BgMaxReader(), xmlReader, matcher,
      payments, imports, clock, naturalKeys, 4);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void aNaturalKeyThatIsFree() {
    when(clock.now()).thenReturn(NOW);
    when(naturalKeys.claim(anyString(), any(Supplier.class)))
        .thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
  }

  @Test
  void aFileIsStoredOnceByItsHashAndItsImportStarted() {
    when(files.insert(eq("bgmax.txt"), anyString(), any(), any(), any())).thenReturn(41L);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, false)));

    PaymentFileSummary summary = service.receive("  bgmax.txt ", SAMPLE);

    assertThat(summary.id()).isEqualTo(41L);
    ArgumentCaptor<ParsedPaymentFile> parsed = ArgumentCaptor.forClass(ParsedPaymentFile.class);
    verify(files).insert(eq("bgmax.txt"), eq(sha256(SAMPLE)), parsed.capture(), eq(SAMPLE), eq(NOW));
    assertThat(parsed.getValue().format()).isEqualTo(ParsedPaymentFile.Format.BGMAX);
    assertThat(parsed.getValue().payments()).hasSize(6);
    assertThat(parsed.getValue().total()).isEqualTo(new BigDecimal("8950.50"));
    verify(imports).start(41L);
  }

  @Test
  void theSameFileAgainAnswersWithTheFirstImportAndStoresAndBooksNothing() {
    when(files.findByHash(sha256(SAMPLE))).thenReturn(Optional.of(summary(41L, false)));

    PaymentFileSummary again = service.receive("copy of bgmax.txt", SAMPLE);

    assertThat(again).isEqualTo(summary(41L, true));
    verify(files, never()).insert(any(), any(), any(), any(), any());
    verifyNoInteractions(imports, naturalKeys);
  }

  @Test
  void anEmptyFileOrOneOfNoKnownFormatIsRejectedWholeBeforeAnythingIsStored() {
    assertThatThrownBy(() -> service.receive("empty.txt", new byte[0]))
        .isInstanceOfSatisfying(PaymentFileRejected.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("file", "is empty")));
    assertThatThrownBy(() -> service.receive("notes.txt", "Dear bank,".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(PaymentFileRejected.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("line 1", "neither a BgMax file (starts with 01BGMAX) nor an ISO 20022 camt.054 XML "
                + "document")));
    // XML, but no camt.054 reader in this installation
    assertThatThrownBy(() -> service.receive("camt.xml", "<Document/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PaymentFileRejected.class);
    verifyNoInteractions(imports, naturalKeys);
    verify(files, never()).insert(any(), any(), any(), any(), any());
  }

  @Test
  void aPaymentInACurrencyFordraDoesNotInvoiceInRejectsTheWholeFile() {
    PaymentFileReader camt = mock(PaymentFileReader.class);
    when(xmlReader.getIfAvailable()).thenReturn(camt);
    byte[] xml = "\uFEFF<Document/>".getBytes(StandardCharsets.UTF_8);
    when(camt.read(xml)).thenReturn(new ParsedPaymentFile(ParsedPaymentFile.Format.CAMT054, "SE4550000000058398257466",
        List.of(payment("E2E-1", "100.00", "SEK", "Ntry[1]"), payment("E2E-2", "75.00", "USD", "Ntry[2]")),
        new BigDecimal("175.00")));

    assertThatThrownBy(() -> service.receive("camt.xml", xml))
        .isInstanceOfSatisfying(PaymentFileRejected.class, e -> {
          assertThat(e.problems()).containsExactly(
              new Problem("Ntry[2]", "currency USD is not one Fordra invoices in [SEK, NOK, EUR]"));
          assertThat(e.title()).isEqualTo("The payment file is rejected: nothing from it is booked");
        });
    verifyNoInteractions(imports, naturalKeys);
  }

  @Test
  void aChunkBooksTheNextPaymentsAndAddsWhatBecameOfThemToTheFile() {
    when(files.content(41L)).thenReturn(SAMPLE);
    List<BankPayment> sample = new BgMaxReader().read(SAMPLE).payments();
    when(matcher.book(sample.get(4), 41L)).thenReturn(PaymentFileSummary.Outcome.DUPLICATE);
    when(matcher.book(sample.get(5), 41L)).thenReturn(PaymentFileSummary.Outcome.MATCHED);
    when(files.claimChunk(41L, 6, NOW)).thenReturn(true);

    assertThat(service.bookChunk(41L, 4)).as("the last two of six").isEqualTo(6);

    PaymentFileSummary.Tally none = PaymentFileSummary.Tally.none();
    verify(files).addChunk(41L, new PaymentFileSummary.Tally(
        new PaymentFileSummary.Count(1, new BigDecimal("900.00")), none.partlyMatched(), none.unmatched(),
        new PaymentFileSummary.Count(1, new BigDecimal("-450.00"))));
  }

  @Test
  void aChunkWhosePlaceInTheFileIsTakenAlreadyBooksAndCountsNothing_theImportGoesOnAfterIt() {
    when(files.content(41L)).thenReturn(SAMPLE);
    when(files.claimChunk(41L, 6, NOW)).thenReturn(false);

    assertThat(service.bookChunk(41L, 4)).isEqualTo(6);

    verifyNoInteractions(matcher);
    verify(files, org.mockito.Mockito.never()).addChunk(org.mockito.ArgumentMatchers.anyLong(),
        org.mockito.ArgumentMatchers.any());
  }

  @Test
  void finishingStampsTheFileAndAnUnknownFileIsNotFound() {
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, false)));

    assertThat(service.finish(41L)).isEqualTo(summary(41L, false));
    verify(files).finish(41L, NOW);

    assertThatThrownBy(() -> service.summary(99L)).isInstanceOf(NotFoundException.class)
        .hasMessage("No payment file 99");
  }

  @Test
  void onlyTheFilesUnmatchedPaymentsWaitForAPerson() {
    when(payments.ofFile(41L)).thenReturn(List.of(stored(1L, Payment.PaymentStatus.MATCHED),
        stored(2L, Payment.PaymentStatus.UNMATCHED), stored(3L, Payment.PaymentStatus.ALLOCATED),
        stored(4L, Payment.PaymentStatus.UNMATCHED)));

    assertThat(service.unmatchedPayments(41L)).containsExactly(2L, 4L);
  }

  @Test
  void aChunkOfNoPaymentsIsAMistakeInTheSettings() {
    assertThatThrownBy(() -> new PaymentFileService(files, new BgMaxReader(), xmlReader, matcher, payments, imports,
        clock, naturalKeys, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fordra.payments.import-chunk must be at least 1");
  }

  private static PaymentFileSummary summary(long id, boolean again) {
    return new PaymentFileSummary(id, "bgmax.txt", ParsedPaymentFile.Format.BGMAX, "50501055",
        PaymentFileSummary.Status.IMPORTING, 6, new BigDecimal("8950.50"), 0, PaymentFileSummary.Tally.none(), NOW,
        null, again, io.fordra.kernel.ImportProgress.UNKNOWN);
  }

  private static BankPayment payment(String id, String amount, String currency, String location) {
    return new BankPayment(id, new BigDecimal(amount), currency, LocalDate.of(2026, 11, 2), List.of(), null, null,
        null, location);
  }

  private static Payment stored(long id, Payment.PaymentStatus status) {
    return new Payment(id, "BG-" + id, null, null, null, new BigDecimal("100.00"), "SEK", LocalDate.of(2026, 11, 2),
        status, BigDecimal.ZERO, NOW);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = PaymentFileServiceTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
