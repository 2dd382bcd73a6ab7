package io.fordra.distribution.print;

import com.lowagie.text.pdf.PdfReader;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Letters to print, and a clean print outbox with no letters waiting before every test. */
abstract class PrintTestSupport extends ProcessTestSupport {

  @Autowired protected PrintBatchService print;
  @Autowired protected DocumentService documents;
  @Autowired protected PrintOutbox outbox;

  @BeforeEach
  void noLettersWaitingAndAnEmptyOutbox() throws IOException {
    print.closeOpenBatch();
    if (Files.isDirectory(outbox.directory())) {
      try (Stream<Path> files = Files.list(outbox.directory())) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The invoice document of a new invoice with this many lines (some 40 lines fill a page). */
  protected StoredDocument letter(int lines) {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    List<InvoiceRequest.LineRequest> lineRequests = IntStream.rangeClosed(1, lines)
        .mapToObj(i -> new InvoiceRequest.LineRequest("Consulting, week " + i, BigDecimal.ONE,
            new BigDecimal("100.00"), new BigDecimal("25"), null, "PO-" + i))
        .toList();
    Invoice invoice = invoices.create(new InvoiceRequest("P-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        lineRequests, null, null));
    return documents.issue(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2), invoice.dueDate());
  }

  protected static PrintRecipient recipient(String name) {
    return new PrintRecipient(name, "Ekonomiavdelningen", "Storgatan 1", "111 22", "Stockholm", "SE");
  }

  protected List<String> outboxFiles() throws IOException {
    if (!Files.isDirectory(outbox.directory())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outbox.directory())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  protected static int pages(byte[] pdf) {
    return PdfMerger.pages(pdf);
  }

  /** The decoded content stream of one page: equal content, equal page. */
  protected static byte[] pageContent(PdfReader reader, int page) {
    try {
      return reader.getPageContent(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
