package io.fordra.distribution.print;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The directory the print service takes batches from (fordra.print.outbox). A file appears there only complete:
 * it is written under a hidden temporary name (".&lt;name&gt;.tmp") in the same directory, synced to disk, and then renamed.
 * Names are the batch's, so writing a batch again replaces its files instead of adding a second copy.
 */
@Component
class PrintOutbox {

  private static final Logger log = LoggerFactory.getLogger(PrintOutbox.class);

  private final Path directory;

  public PrintOutbox(PrintProperties properties) {
    this.directory = Path.of(properties.outbox());
  }

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file written under its temporary name: not yet visible to the print service. */
  public record Staged(Path temp, Path target) {}

  /** A file the print service can see now. */
  public record Published(Path file, Object identity) {}

  public Path directory() {
    return directory;
  }

  public Staged stage(String fileName, Content content) {
    try {
      Files.createDirectories(directory);
      // A fixed temporary name: a retry after a crash overwrites the leftover. Not createTempFile, whose 0600 the
      // print service might not be allowed to read.
      Path temp = directory.resolve("." + fileName + ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
           OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
        content.writeTo(out);
        out.flush();
        // On disk before the rename: after a power cut the name never points at half a file.
        channel.force(true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      return new Staged(temp, directory.resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + fileName + " to " + directory, e);
    }
  }

  /** Renames the staged file to its name; a file of that name (an earlier try) is replaced. */
  public Published publish(Staged staged) {
    try {
      try {
        Files.move(staged.temp(), staged.target(), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(staged.temp(), staged.target(), StandardCopyOption.REPLACE_EXISTING);
      }
      return new Published(staged.target(), identity(staged.target()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not hand " + staged.target() + " to the print service", e);
    }
  }

  /** Removes a staged file that is not to be handed over (nothing to do once it was published). */
  public void discard(Staged staged) {
    deleteQuietly(staged.temp());
  }

  /**
   * Takes a published file back (its transaction rolled back after all), unless it has been replaced meanwhile: the
   * batch's lock is gone by then, and another node may already have handed the batch over again.
   */
  public void withdraw(Published published) {
    try {
      if (Files.exists(published.file()) && identity(published.file()).equals(published.identity())) {
        deleteQuietly(published.file());
      }
    } catch (IOException e) {
      log.warn("Could not take {} back from the print outbox: {}", published.file(), e.toString());
    }
  }

  /** The file itself rather than its name (the inode where the file system has one). */
  private static Object identity(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
  }

  /** Runs after a failure: it must not hide that failure. */
  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {} from the print outbox: {}", file, e.toString());
    }
  }
}
