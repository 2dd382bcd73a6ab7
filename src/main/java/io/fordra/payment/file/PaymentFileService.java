package io.fordra.payment.file;

import io.fordra.invoice.Currency;
import io.fordra.kernel.NotFoundException;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.process.FordraClock;
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
 * Payment files in: a file is read and checked whole (or rejected whole, nothing booked), stored once by its SHA-256,
 * and booked by the payment-file-import process in chunks, each its own transaction, so that progress shows and a
 * failure retries one chunk.
 */
@Service
public class PaymentFileService {

  private static final Logger log = LoggerFactory.getLogger(PaymentFileService.class);

  private final PaymentFileRepository files;
  private final BgMaxReader bgMax;
  private final ObjectProvider<PaymentFileReader> xmlReader;
  private final PaymentMatcher matcher;
  private final PaymentService payments;
  private final PaymentFileImports imports;
  private final FordraClock clock;
  private final io.fordra.database.NaturalKeys naturalKeys;
  /** Payments booked per transaction of the import (fordra.payments.import-chunk). */
  private final int chunk;

  PaymentFileService(PaymentFileRepository files, BgMaxReader bgMax, ObjectProvider<PaymentFileReader> xmlReader,
                     PaymentMatcher matcher, PaymentService payments, PaymentFileImports imports,
                     FordraClock clock, io.fordra.database.NaturalKeys naturalKeys,
                     @org.springframework.beans.factory.annotation.Value("${fordra.payments.import-chunk:200}")
                     int chunk) {
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
      return earlier.get().again();
    }
    ParsedPaymentFile parsed = read(content);
    List<PaymentFileRejected.Problem> problems = new ArrayList<>();
    for (BankPayment p : parsed.payments()) {
      if (Arrays.stream(Currency.values()).noneMatch(c -> c.name().equals(p.currency()))) {
        problems.add(new PaymentFileRejected.Problem(p.location(), "currency " + p.currency()
            + " is not one Fordra invoices in " + Arrays.toString(Currency.values())));
      }
    }
    if (!problems.isEmpty()) {
      throw new PaymentFileRejected(problems);
    }
    String name = fileName == null || fileName.isBlank() ? "payments" : fileName.strip();
    // The file's hash is its natural key: the same file uploaded twice at one moment is received once (409 for the
    // other, which met it still being received; afterwards it is "the same file again").
    long id = naturalKeys.claim("The same file is being received right now; ask for its summary in a moment",
        () -> files.insert(name.length() > 255 ? name.substring(0, 255) : name, hash, parsed, content, clock.now()));
    imports.start(id);
    log.info("Payment file {} received: {} ({} payments, {})", id, name, parsed.payments().size(),
        parsed.total().toPlainString());
    return summary(id);
  }

  /**
   * Books the next chunk of the file's payments.
   *
   * @return the index of the payment after this chunk (= the number of payments when all are booked)
   */
  @Transactional
  public int bookChunk(long paymentFileId, int from) {
    List<BankPayment> payments = read(files.content(paymentFileId)).payments();
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
    return summary(paymentFileId).payments();
  }

  public PaymentFileSummary summary(long paymentFileId) {
    return files.find(paymentFileId).orElseThrow(() -> new NotFoundException("No payment file " + paymentFileId));
  }

  private ParsedPaymentFile read(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1)
        .replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
    if (head.startsWith("01BGMAX")) {
      return bgMax.read(content);
    }
    if (head.startsWith("<")) {
      PaymentFileReader reader = xmlReader.getIfAvailable();
      if (reader != null) {
        return reader.read(content);
      }
    }
    throw new PaymentFileRejected("line 1", "neither a BgMax file (starts with 01BGMAX) nor an ISO 20022 camt.054 "
        + "XML document");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
