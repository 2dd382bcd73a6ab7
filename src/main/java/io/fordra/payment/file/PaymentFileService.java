package io.fordra.payment.file;

import io.fordra.invoice.Currency;
import io.fordra.kernel.NotFoundException;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment files in: a file is read and checked whole (a corrupt one is rejected whole, nothing booked; what cannot be
 * booked is kept aside or skipped with its reason, stored as the file's notes), stored once by its SHA-256,
 * and booked by the payment-file-import process in chunks, each its own transaction, so that progress shows and a
 * failure retries one chunk.
 */
@Service
public class PaymentFileService {

  private static final Logger log = LoggerFactory.getLogger(PaymentFileService.class);

  private final PaymentFileRepository files;
  private final BgMaxReader bgMax;
  /** Stateless: made here rather than injected, so that the constructor stays as it was. */
  private final OcrGiroReader ocrGiro = new OcrGiroReader();
  private final ObjectProvider<PaymentFileReader> xmlReader;
  /** Direct-debit result files (Autogiro payment specification), issue 19. */
  private final ObjectProvider<DirectDebitResultFile> directDebitResults;
  private final PaymentMatcher matcher;
  private final PaymentService payments;
  private final PaymentFileImports imports;
  private final FordraClock clock;
  private final io.fordra.database.NaturalKeys naturalKeys;
  /** Payments booked per transaction of the import (fordra.payments.import-chunk). */
  private final int chunk;

  /** Without direct-debit result files (tests of the BgMax and XML paths). */
  PaymentFileService(PaymentFileRepository files, BgMaxReader bgMax, ObjectProvider<PaymentFileReader> xmlReader,
                     PaymentMatcher matcher, PaymentService payments, PaymentFileImports imports,
                     FordraClock clock, io.fordra.database.NaturalKeys naturalKeys, int chunk) {
    this(files, bgMax, xmlReader, matcher, payments, imports, clock, naturalKeys, chunk, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  PaymentFileService(PaymentFileRepository files, BgMaxReader bgMax, ObjectProvider<PaymentFileReader> xmlReader,
                     PaymentMatcher matcher, PaymentService payments, PaymentFileImports imports,
                     FordraClock clock, io.fordra.database.NaturalKeys naturalKeys,
                     @org.springframework.beans.factory.annotation.Value("${fordra.payments.import-chunk:200}")
                     int chunk, ObjectProvider<DirectDebitResultFile> directDebitResults) {
    this.directDebitResults = directDebitResults;
    this.naturalKeys = naturalKeys;
    if (chunk < 1) {
      throw new IllegalArgumentException("fordra.payments.import-chunk must be at least 1");
    }
    this.chunk = chunk;
    this.payments = payments;
    this.files = files;
    this.bgMax = bgMax;
    this.xmlReader = xmlReader;
    this.matcher = matcher;
    this.imports = imports;
    this.clock = clock;
  }

  /**
   * Receives a file: the same file again answers with the first import's summary (nothing booked twice); a file
   * that does not read or check is rejected whole (PaymentFileRejected).
   */
  @Transactional
  public PaymentFileSummary receive(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new PaymentFileRejected("file", "is empty");
    }
    String hash = sha256(content);
    var earlier = files.findByHash(hash);
    if (earlier.isPresent()) {
      return withNotes(earlier.get()).again();
    }
    ParsedPaymentFile parsed = withRemarks(bookable(read(content)),
        directDebitResult(content).map(r -> r.received(content)).orElse(List.of()));
    String name = fileName == null || fileName.isBlank() ? "payments" : fileName.strip();
    // The file's hash is its natural key: the same file uploaded twice at one moment is received once (409 for the
    // other, which met it still being received; afterwards it is "the same file again").
    long id = naturalKeys.claim("The same file is being received right now; ask for its summary in a moment",
        () -> files.insert(name.length() > 255 ? name.substring(0, 255) : name, hash, parsed, content, clock.now()));
    files.insertNotes(id, parsed.aside(), parsed.remarks());
    files.insertCurrencies(id, parsed.payments());
    imports.start(id);
    log.info("Payment file {} received: {} ({} payments, {}; {} entries not booked, {} remarks)", id, name,
        parsed.payments().size(), parsed.total().toPlainString(), parsed.aside().size(), parsed.remarks().size());
    return summary(id);
  }

  /**
   * The file as Fordra books it: a payment in a currency Fordra does not invoice in is kept aside with its reason
   * (after what the reader itself kept aside), and the total is what is left to book. Depends on the file's content
   * alone, so every chunk of the import books from the same list that was counted when the file was received.
   */
  static ParsedPaymentFile bookable(ParsedPaymentFile parsed) {
    List<BankPayment> payments = new ArrayList<>();
    List<ParsedPaymentFile.Aside> aside = new ArrayList<>(parsed.aside());
    BigDecimal total = parsed.total();
    for (BankPayment p : parsed.payments()) {
      if (Arrays.stream(Currency.values()).anyMatch(c -> c.name().equals(p.currency()))) {
        payments.add(p);
      } else {
        aside.add(new ParsedPaymentFile.Aside(p.location() == null ? "transaction " + p.bankTransactionId()
            : p.location(), ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE, p.amount().abs(), p.currency(),
            p.bankTransactionId(), "currency " + p.currency() + " is not one Fordra invoices in "
            + Arrays.toString(Currency.values())));
        total = total.subtract(p.amount());
      }
    }
    return new ParsedPaymentFile(parsed.format(), parsed.account(), payments, total, aside, parsed.remarks());
  }

  /**
   * Books the next chunk of the file's payments.
   *
   * @return the index of the payment after this chunk (= the number of payments when all are booked)
   */
  @Transactional
  public int bookChunk(long paymentFileId, int from) {
    List<BankPayment> payments = bookable(read(files.content(paymentFileId))).payments();
    int stored = paymentCount(paymentFileId);
    if (payments.size() != stored) {
      // A reader changed between receiving and booking: the positions counted so far would name other payments.
      throw new IllegalStateException("Payment file " + paymentFileId + " now reads as " + payments.size()
          + " payments to book, but " + stored + " were stored when it was received: nothing is booked from it "
          + "until this is explained");
    }
    if (from >= payments.size()) {
      return payments.size(); // nothing (left) to book, e.g. a file whose every entry is kept aside
    }
    int to = Math.min(payments.size(), from + chunk);
    if (!files.claimChunk(paymentFileId, to, clock.now())) {
      // Run before (a job whose lock expired, or run twice): its bookings and counts stand; progress never goes back.
      log.warn("Payment file {}: payments {} to {} were booked before; nothing is counted twice", paymentFileId,
          from + 1, to);
      return to;
    }
    PaymentFileSummary.Tally tally = PaymentFileSummary.Tally.none();
    for (BankPayment p : payments.subList(from, to)) {
      tally = tally.add(matcher.book(p, paymentFileId), p.amount());
    }
    files.addChunk(paymentFileId, tally);
    return to;
  }

  /** All payments are booked: the summary is final. */
  @Transactional
  public PaymentFileSummary finish(long paymentFileId) {
    files.finish(paymentFileId, clock.now());
    PaymentFileSummary summary = summary(paymentFileId);
    log.info("Payment file {} imported: {}", paymentFileId, summary.describe());
    return summary;
  }

  /** The ids of the file's payments that wait to be matched by hand. */
  public List<Long> unmatchedPayments(long paymentFileId) {
    return payments.ofFile(paymentFileId).stream().filter(p -> p.status() == Payment.PaymentStatus.UNMATCHED)
        .map(Payment::id).toList();
  }

  public int paymentCount(long paymentFileId) {
    return found(paymentFileId).payments();
  }

  /** The summary with what the file holds besides its payments (the first {@value PaymentFileSummary#NOTES_LISTED}). */
  public PaymentFileSummary summary(long paymentFileId) {
    return withNotes(found(paymentFileId));
  }

  private PaymentFileSummary found(long paymentFileId) {
    return files.find(paymentFileId).orElseThrow(() -> new NotFoundException("No payment file " + paymentFileId));
  }

  private PaymentFileSummary withNotes(PaymentFileSummary summary) {
    long id = summary.id();
    var counts = files.asideCounts(id);
    List<PaymentFileSummary.NoteKind> entries = List.of(PaymentFileSummary.NoteKind.KEPT_ASIDE,
        PaymentFileSummary.NoteKind.SKIPPED);
    List<PaymentFileSummary.Note> listed = files.notes(id, entries, 0, PaymentFileSummary.NOTES_LISTED);
    PaymentFileSummary.AsideCount keptAside = counts.getOrDefault(PaymentFileSummary.NoteKind.KEPT_ASIDE,
        PaymentFileSummary.AsideCount.none());
    PaymentFileSummary.AsideCount skipped = counts.getOrDefault(PaymentFileSummary.NoteKind.SKIPPED,
        PaymentFileSummary.AsideCount.none());
    List<String> remarks = files.notes(id, List.of(PaymentFileSummary.NoteKind.REMARK), 0,
        PaymentFileSummary.NOTES_LISTED).stream().map(PaymentFileSummary.Note::reason).toList();
    return summary.withNotes(keptAside, skipped, remarks, listed,
        keptAside.count() + skipped.count() - listed.size(), files.keptAsideReview(id).orElse(null))
        .withToBook(files.toBook(id));
  }

  /**
   * A page of the file's notes (GET /api/payment-files/{id}/notes): of the kinds asked for (all when none),
   * entries kept aside first, then in file order.
   */
  public NotePage notes(long paymentFileId, List<PaymentFileSummary.NoteKind> kinds, int offset, int limit) {
    found(paymentFileId);
    List<PaymentFileSummary.NoteKind> asked = kinds == null || kinds.isEmpty()
        ? List.of(PaymentFileSummary.NoteKind.values()) : kinds.stream().distinct().toList();
    return new NotePage(paymentFileId, files.countNotes(paymentFileId, asked), offset,
        files.notes(paymentFileId, asked, offset, limit));
  }

  /** One page of a file's notes: {@code total} of the kinds asked for, these from {@code offset} on. */
  public record NotePage(long paymentFileId, int total, int offset, List<PaymentFileSummary.Note> notes) {}

  /** How many entries of the file are kept aside for a person. */
  public int keptAsideCount(long paymentFileId) {
    return files.countNotes(paymentFileId, List.of(PaymentFileSummary.NoteKind.KEPT_ASIDE));
  }

  /**
   * What a person did about the file's entries kept aside ("Review entries kept aside"), recorded once with who
   * and when; the note is required (at most 2 000 characters).
   */
  @Transactional
  public PaymentFileSummary.Review recordKeptAsideReview(long paymentFileId, String by, String note) {
    found(paymentFileId);
    if (note == null || note.isBlank()) {
      throw new io.fordra.kernel.InvalidRequestException("keptAsideNote", "must say what was done about the "
          + "entries kept aside");
    }
    if (note.strip().length() > 2000) {
      throw new io.fordra.kernel.InvalidRequestException("keptAsideNote", "must be at most 2000 characters");
    }
    java.time.Instant at = clock.now();
    if (!files.recordKeptAsideReview(paymentFileId, by, at, note.strip())) {
      throw new io.fordra.kernel.ConflictException("The entries kept aside of payment file " + paymentFileId
          + " were reviewed already");
    }
    log.info("Payment file {}: entries kept aside reviewed by {}: {}", paymentFileId, by, note.strip());
    return new PaymentFileSummary.Review(by, at, note.strip());
  }

  private java.util.Optional<DirectDebitResultFile> directDebitResult(byte[] content) {
    if (directDebitResults == null) {
      return java.util.Optional.empty();
    }
    String head = new String(content, 0, Math.min(content.length, 80), StandardCharsets.ISO_8859_1);
    return directDebitResults.orderedStream().filter(r -> r.reads(head)).findFirst();
  }

  private static ParsedPaymentFile withRemarks(ParsedPaymentFile parsed, List<String> more) {
    if (more.isEmpty()) {
      return parsed;
    }
    List<String> remarks = new ArrayList<>(parsed.remarks());
    remarks.addAll(more);
    return new ParsedPaymentFile(parsed.format(), parsed.account(), parsed.payments(), parsed.total(),
        parsed.aside(), remarks);
  }

  private ParsedPaymentFile read(byte[] content) {
    var directDebit = directDebitResult(content);
    if (directDebit.isPresent()) {
      return directDebit.get().read(content);
    }
    String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1)
        .replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
    if (head.startsWith("01BGMAX")) {
      return bgMax.read(content);
    }
    if (head.startsWith("NY000010")) {
      return ocrGiro.read(content);
    }
    if (head.startsWith("<")) {
      PaymentFileReader reader = xmlReader.getIfAvailable();
      if (reader != null) {
        return reader.read(content);
      }
    }
    throw new PaymentFileRejected("line 1", "not a payment file Fordra reads: neither BgMax (starts with 01BGMAX), an "
        + "Autogiro payment specification (01 ... AUTOGIRO), Nets OCR giro (starts with NY000010) nor an ISO 20022 "
        + "camt.054 XML document");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
