package io.fordra.distribution.einvoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * The folder fordra.einvoice.outbox, from which the access point picks up e-invoices. A file appears whole or not at
 * all: it is written beside its final name and then moved there in one step, replacing a file of an earlier attempt.
 */
@Component
class EInvoiceOutbox {

  private final Path folder;

  public EInvoiceOutbox(EInvoiceProperties properties) {
    this.folder = Path.of(properties.outbox());
  }

  public Path folder() {
    return folder;
  }

  /** Writes the file (name without folder) and returns its path. */
  public Path write(String fileName, byte[] content) {
    Path target = folder.resolve(fileName);
    if (!target.getParent().equals(folder)) {
      throw new IllegalArgumentException("Not a plain file name: " + fileName);
    }
    Path temp = null;
    try {
      Files.createDirectories(folder);
      // Same folder, so the move is a rename; the dot keeps a half-written file out of an access point's pattern.
      // A fixed name, not createTempFile: its 0600 would keep the access point (another user) from reading it.
      temp = folder.resolve("." + fileName + ".tmp");
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write e-invoice " + fileName + " to " + folder, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Left-over temp files are harmless (hidden, .tmp); the original failure is what matters.
    }
  }
}
