package io.fordra.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched folder that files are dropped into (bank files, billing files): what waits, claiming a file, and moving it
 * to processed/ or rejected/ afterwards. Several Fordra nodes may watch one shared folder: a node claims a file by
 * renaming it into .importing/ first, which only one of them can do. No file is ever overwritten.
 */
public final class FolderInbox {

  private static final Logger log = LoggerFactory.getLogger(FolderInbox.class);

  private final Path dir;

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

  /** The files waiting, by name (hidden files and folders are not files to import). */
  public List<Path> waiting() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the inbox " + dir, e);
    }
  }

  /**
   * Claims every file waiting and hands it to the importer (its name, where it lies claimed); returns what the
   * importer said of each. A file another node claimed first is left to that node.
   */
  public List<String> importWaiting(java.util.function.BiFunction<String, Path, String> importer) {
    List<String> outcomes = new java.util.ArrayList<>();
    for (Path file : waiting()) {
      claim(file).ifPresent(claimed -> outcomes.add(importer.apply(file.getFileName().toString(), claimed)));
    }
    return outcomes;
  }

  /** Moves the file into .importing/; empty when another node (or a poll) got it first. */
  public Optional<Path> claim(Path file) {
    try {
      Path importing = Files.createDirectories(dir.resolve(".importing"));
      Path claimed = importing.resolve(file.getFileName());
      try {
        Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file, claimed);
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
      Path target = Files.createDirectories(dir.resolve(folder)).resolve(name);
      for (int n = 1; Files.exists(target); n++) {
        target = dir.resolve(folder).resolve(name + "." + n);
      }
      return Files.move(file, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + file + " to " + folder, e);
    }
  }

  /** A text file beside a processed or rejected file: "name" + suffix (".problems.txt", ".report.txt"). */
  public Path writeBeside(Path file, String suffix, String text) {
    Path beside = file.resolveSibling(file.getFileName() + suffix);
    try {
      return Files.writeString(beside, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + beside, e);
    }
  }
}
