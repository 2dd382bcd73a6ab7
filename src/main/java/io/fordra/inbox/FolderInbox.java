package io.fordra.inbox;

import io.fordra.kernel.Capped;
import io.fordra.kernel.FileRejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched folder that files are dropped into (bank files, billing files): what waits, claiming a file, and moving it
 * to processed/ or rejected/ afterwards. Several Fordra nodes may watch one shared folder: a node claims a file by
 * renaming it into .importing/ first, which only one of them can do. No file is ever overwritten.
 *
 * <p>Only regular files are imported. A symbolic link (it could name any file the server may read), a folder, a pipe
 * or a device is never followed, read, moved or named in a report: it is left where it is, with one warning in the
 * log per name.
 */
public final class FolderInbox {

  public static final String PROCESSED = "processed";
  public static final String REJECTED = "rejected";
  /** The longest file name most file systems allow, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  private static final Logger log = LoggerFactory.getLogger(FolderInbox.class);

  private final Path dir;
  /** What is not a regular file and was warned about (until it goes away). */
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public FolderInbox(Path dir) {
    this.dir = dir;
    try {
      // There from the start, so that a person (or a file transfer) has somewhere to drop files.
      Files.createDirectories(dir);
    } catch (IOException e) {
      log.warn("Cannot create the inbox {}: {}", dir.toAbsolutePath(), e.getMessage());
    }
  }

  public Path dir() {
    return dir;
  }

  /** The regular files waiting, by name (hidden files and the inbox's own folders are not files to import). */
  public List<Path> waiting() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    Set<String> odd = new HashSet<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(path -> {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || name.equals(PROCESSED) || name.equals(REJECTED)) {
          return;
        }
        if (isRegularFile(path)) {
          files.add(path);
        } else {
          odd.add(name);
          if (warned.add(name)) {
            log.warn("Inbox {}: {} is not a regular file (a link, a folder, a pipe …); it is left alone",
                dir.toAbsolutePath(), Capped.quote(name));
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the inbox " + dir, e);
    }
    warned.retainAll(odd);   // a name that comes back later is warned about again
    files.sort(null);
    return files;
  }

  /** The content of a file this node claimed (unreadable now: the poll fails and the next one tries again). */
  public static byte[] content(Path claimed) {
    try {
      return Files.readAllBytes(claimed);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + claimed, e);
    }
  }

  /**
   * Claims every file waiting and hands it to the importer (its name, where it lies claimed); returns what the
   * importer said of each. A file another node claimed first is left to that node.
   */
  public List<String> importWaiting(BiFunction<String, Path, String> importer) {
    List<String> outcomes = new ArrayList<>();
    for (Path file : waiting()) {
      claim(file).ifPresent(claimed -> outcomes.add(importer.apply(file.getFileName().toString(), claimed)));
    }
    return outcomes;
  }

  /**
   * Moves the file into .importing/; empty when another node (or a poll) got it first, or when what was renamed is no
   * longer a regular file (swapped for a link since the listing: it is put back).
   */
  public Optional<Path> claim(Path file) {
    try {
      Path importing = Files.createDirectories(dir.resolve(".importing"));
      Path claimed = importing.resolve(file.getFileName());
      try {
        Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);   // a rename: never follows a link
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file, claimed);
      }
      if (!isRegularFile(claimed)) {
        Files.move(claimed, file);
        log.warn("Inbox {}: {} was replaced by something that is not a regular file; it is left alone",
            dir.toAbsolutePath(), Capped.quote(file.getFileName()));
        return Optional.empty();
      }
      return Optional.of(claimed);
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot claim " + file, e);
    }
  }

  /** Into processed/ or rejected/ under its name; a name already there gets a number (name.1, name.2 …). */
  public Path moveTo(String folder, Path file, String name) {
    try {
      Path into = Files.createDirectories(dir.resolve(folder));
      Path target = into.resolve(name);
      for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
        target = into.resolve(fit(name, "." + n));
      }
      return Files.move(file, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + file + " to " + folder, e);
    }
  }

  /** A file that was refused whole: into rejected/, with name.problems.txt beside it saying why. */
  public Path reject(Path file, String name, FileRejected rejection) {
    Path rejected = moveTo(REJECTED, file, name);
    writeBeside(rejected, ".problems.txt",
        rejection.problems().stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n");
    return rejected;
  }

  /** The path of a text file beside a processed or rejected file: "name" + suffix, shortened to fit (see fit). */
  public Path beside(Path file, String suffix) {
    return file.resolveSibling(fit(file.getFileName().toString(), suffix));
  }

  /** A text file beside a processed or rejected file: "name" + suffix (".problems.txt", ".report.txt"). */
  public Path writeBeside(Path file, String suffix, String text) {
    Path beside = beside(file, suffix);
    try {
      return Files.writeString(beside, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + beside, e);
    }
  }

  /**
   * name + suffix, or, when that is longer than a file name may be (255 bytes), as much of the name's beginning as
   * fits, '~' and the start of the whole name's SHA-256, then the suffix: the same name always gets the same
   * shortening, and two long names that begin alike do not meet.
   */
  static String fit(String name, String suffix) {
    if (bytes(name + suffix) <= MAX_NAME_BYTES) {
      return name + suffix;
    }
    String tail = "~" + sha256(name).substring(0, 12) + suffix;
    int budget = MAX_NAME_BYTES - bytes(tail);
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      String next = Character.toString(c);
      if (bytes(kept + next) > budget) {
        break;
      }
      kept.append(next);
      i += Character.charCount(c);
    }
    return kept + tail;
  }

  private static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isRegularFile(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
    } catch (IOException e) {
      return false;   // gone meanwhile, or not ours to read
    }
  }
}
