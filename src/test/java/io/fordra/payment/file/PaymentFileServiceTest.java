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
            new Problem("line 1", "not a payment file Fordra reads: neither BgMax (starts with 01BGMAX), an Autogiro "
                + "payment specification (01 ... AUTOGIRO), Nets OCR giro (starts with NY000010) nor an ISO 20022 "
                + "camt.054 XML document")));
    // XML, but no camt.054 reader in this installation
    assertThatThrownBy(() -> service.receive("camt.xml", "<Document/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PaymentFileRejected.class);
    verifyNoInteractions(imports, naturalKeys);
    verify(files, never()).insert(any(), any(), any(), any(), any());
  }

  @Test
  void aPaymentInACurrencyFordraDoesNotInvoiceInIsKeptAsideWithItsReason_theRestIsStoredToBeBooked() {
    PaymentFileReader camt = mock(PaymentFileReader.class);
    when(xmlReader.getIfAvailable()).thenReturn(camt);
    byte[] xml = "\uFEFF<Document/>".getBytes(StandardCharsets.UTF_8);
    when(camt.read(xml)).thenReturn(mixedCurrencies());
    when(files.insert(eq("camt.xml"), anyString(), any(), any(), any())).thenReturn(41L);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, false)));

    service.receive("camt.xml", xml);

    ArgumentCaptor<ParsedPaymentFile> parsed = ArgumentCaptor.forClass(ParsedPaymentFile.class);
    verify(files).insert(eq("camt.xml"), anyString(), parsed.capture(), eq(xml), eq(NOW));
    assertThat(parsed.getValue().payments()).extracting(BankPayment::bankTransactionId)
        .containsExactly("E2E-1", "E2E-3");
    assertThat(parsed.getValue().total()).as("what is left to book").isEqualByComparingTo("150.00");
    assertThat(parsed.getValue().aside()).containsExactly(
        new ParsedPaymentFile.Aside("Ntry[4]", ParsedPaymentFile.Aside.Outcome.SKIPPED, new BigDecimal("2000.00"),
            "SEK", "OUT-1", "an outgoing payment (DBIT), not a payment to us"),
        new ParsedPaymentFile.Aside("Ntry[2]", ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE, new BigDecimal("75.00"),
            "CHF", "E2E-2", "currency CHF is not one Fordra invoices in [SEK, NOK, EUR]"));
    assertThat(parsed.getValue().remarks()).containsExactly("the control sum counts the way Finnish banks count");
    verify(files).insertNotes(41L, parsed.getValue().aside(), parsed.getValue().remarks());
    verify(imports).start(41L);
  }

  @Test
  void aFileWhoseEveryPaymentIsKeptAsideIsStoredToo_nothingIsDroppedAndTheImportStillRuns() {
    PaymentFileReader camt = mock(PaymentFileReader.class);
    when(xmlReader.getIfAvailable()).thenReturn(camt);
    byte[] xml = "<Document/>".getBytes(StandardCharsets.UTF_8);
    when(camt.read(xml)).thenReturn(new ParsedPaymentFile(ParsedPaymentFile.Format.CAMT054, "CH93",
        List.of(payment("E2E-9", "10.00", "USD", "Ntry[1]")), new BigDecimal("10.00")));
    when(files.insert(eq("usd.xml"), anyString(), any(), any(), any())).thenReturn(42L);
    when(files.find(42L)).thenReturn(Optional.of(summary(42L, false)));

    service.receive("usd.xml", xml);

    ArgumentCaptor<ParsedPaymentFile> parsed = ArgumentCaptor.forClass(ParsedPaymentFile.class);
    verify(files).insert(eq("usd.xml"), anyString(), parsed.capture(), eq(xml), eq(NOW));
    assertThat(parsed.getValue().payments()).isEmpty();
    assertThat(parsed.getValue().total()).isEqualByComparingTo("0.00");
    assertThat(parsed.getValue().aside()).singleElement()
        .satisfies(a -> assertThat(a.reason()).startsWith("currency USD is not one Fordra invoices in"));
    verify(imports).start(42L);
  }

  @Test
  void everyChunkBooksFromTheSameListOfPaymentsThatWasStored_whatIsKeptAsideIsNeverBooked() {
    PaymentFileReader camt = mock(PaymentFileReader.class);
    when(xmlReader.getIfAvailable()).thenReturn(camt);
    byte[] xml = "<Document/>".getBytes(StandardCharsets.UTF_8);
    when(camt.read(xml)).thenReturn(mixedCurrencies());
    when(files.content(41L)).thenReturn(xml);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, 2)));
    when(files.claimChunk(eq(41L), org.mockito.ArgumentMatchers.anyInt(), eq(NOW))).thenReturn(true);
    when(matcher.book(any(), eq(41L))).thenReturn(PaymentFileSummary.Outcome.MATCHED);

    // Chunks of 4: the second payment to book is E2E-3 (the CHF one between them is not in the list).
    assertThat(service.bookChunk(41L, 1)).isEqualTo(2);

    ArgumentCaptor<BankPayment> booked = ArgumentCaptor.forClass(BankPayment.class);
    verify(matcher).book(booked.capture(), eq(41L));
    assertThat(booked.getValue().bankTransactionId()).isEqualTo("E2E-3");
    verify(files).addChunk(41L, new PaymentFileSummary.Tally(
        new PaymentFileSummary.Count(1, new BigDecimal("50.00")), PaymentFileSummary.Count.none(),
        PaymentFileSummary.Count.none(), PaymentFileSummary.Count.none()));
  }

  @Test
  void aFileThatNoLongerReadsAsItWasStoredBooksNothing_theChunkFailsForAPersonToSee() {
    PaymentFileReader camt = mock(PaymentFileReader.class);
    when(xmlReader.getIfAvailable()).thenReturn(camt);
    byte[] xml = "<Document/>".getBytes(StandardCharsets.UTF_8);
    when(camt.read(xml)).thenReturn(mixedCurrencies());
    when(files.content(41L)).thenReturn(xml);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, 3)));

    assertThatThrownBy(() -> service.bookChunk(41L, 0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Payment file 41 now reads as 2 payments to book, but 3 were stored when it was received: "
            + "nothing is booked from it until this is explained");
    verifyNoInteractions(matcher);
    verify(files, never()).claimChunk(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
        any());
  }

  /** Two SEK payments, one in CHF between them, and an outgoing payment the reader skipped with a remark. */
  private static ParsedPaymentFile mixedCurrencies() {
    return new ParsedPaymentFile(ParsedPaymentFile.Format.CAMT054, "SE4550000000058398257466",
        List.of(payment("E2E-1", "100.00", "SEK", "Ntry[1]"), payment("E2E-2", "75.00", "CHF", "Ntry[2]"),
            payment("E2E-3", "50.00", "SEK", "Ntry[3]")),
        new BigDecimal("225.00"),
        List.of(new ParsedPaymentFile.Aside("Ntry[4]", ParsedPaymentFile.Aside.Outcome.SKIPPED,
            new BigDecimal("2000.00"), "SEK", "OUT-1", "an outgoing payment (DBIT), not a payment to us")),
        List.of("the control sum counts the way Finnish banks count"));
  }

  @Test
  void aChunkBooksTheNextPaymentsAndAddsWhatBecameOfThemToTheFile() {
    when(files.content(41L)).thenReturn(SAMPLE);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, false)));
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
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, false)));
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

  private static PaymentFileSummary summary(long id, int payments) {
    return new PaymentFileSummary(id, "camt.xml", ParsedPaymentFile.Format.CAMT054, "SE4550000000058398257466",
        PaymentFileSummary.Status.IMPORTING, payments, new BigDecimal("150.00"), 0, PaymentFileSummary.Tally.none(),
        NOW, null, false, io.fordra.kernel.ImportProgress.UNKNOWN);
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
