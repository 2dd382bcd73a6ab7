package io.fordra.distribution.print;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDF documents one after the other into one PDF, each document's pages as they are. Documents are appended
 * one at a time, so that a large batch never holds every document in memory.
 */
final class PdfMerger {

  private final Document document = new Document();
  private final PdfCopy copy;

  /** out is written to but left open (the caller syncs it to disk before closing). */
  PdfMerger(OutputStream out) {
    copy = new PdfCopy(document, out);
    copy.setCloseStream(false);
    document.open();
  }

  /** Appends every page of the PDF and returns how many there were. */
  int append(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      int pages = reader.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        copy.addPage(copy.getImportedPage(reader, page));
      }
      copy.freeReader(reader);
      return pages;
    } finally {
      reader.close();
    }
  }

  /** Writes the rest of the PDF (at least one page must have been appended). */
  void finish() {
    document.close();
  }

  /** The document's page count; fails on bytes that are not a readable PDF. */
  static int pages(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        return reader.getNumberOfPages();
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable PDF: " + e.getMessage(), e);
    }
  }
}
