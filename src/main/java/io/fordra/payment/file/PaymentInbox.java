package io.fordra.payment.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder fordra.payments.inbox: a bank file dropped there is imported as if it were uploaded, then moved
 * to processed/ (or rejected/, with a .problems.txt beside it saying why). Several Fordra nodes may watch one shared
 * folder: a node claims a file by renaming it into .importing/ first, which only one of them can do.
 */
@Component
public class PaymentInbox {

  private static final Logger log = LoggerFactory.getLogger(PaymentInbox.class);

  private final PaymentFileService files;
  private final Path inbox;

  public PaymentInbox(PaymentFileService files, @Value("${fordra.payments.inbox:data/payments-inbox}") String inbox) {
    this.files = files;
    this.inbox = Path.of(inbox);
    try {
      // There from the start, so that a person (or the bank's file transfer) has somewhere to drop files.
      Files.createDirectories(this.inbox);
    } catch (IOException e) {
      log.warn("Cannot create the payments inbox {}: {}", this.inbox.toAbsolutePath(), e.getMessage());
    }
  }

  @Scheduled(cron = "${fordra.payments.inbox-cron:*/30 * * * * *}")
  public void scheduledPoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("Reading the payments inbox {} failed; the next poll tries again", inbox.toAbsolutePath(), e);
    }
  }

  /** Imports every file waiting in the inbox; returns what became of each (file name → summary or problems). */
  public List<String> poll() {
    if (!Files.isDirectory(inbox)) {
      return List.of();
    }
    List<String> outcomes = new ArrayList<>();
    for (Path file : waiting()) {
      Path claimed = claim(file);
      if (claimed != null) {
        outcomes.add(importClaimed(file.getFileName().toString(), claimed));
      }
    }
    return outcomes;
  }

  private List<Path> waiting() {
    try (Stream<Path> list = Files.list(inbox)) {
      return list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the payments inbox " + inbox, e);
    }
  }

  /** Moves the file into .importing/; null when another node (or a poll) got it first. */
  private Path claim(Path file) {
    try {
      Path importing = Files.createDirectories(inbox.resolve(".importing"));
      Path claimed = importing.resolve(file.getFileName());
      try {
        Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file, claimed);
      }
      return claimed;
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot claim " + file, e);
    }
  }

  private String importClaimed(String name, Path claimed) {
    try {
      byte[] content = Files.readAllBytes(claimed);
      try {
        PaymentFileSummary summary = files.receive(name, content);
        moveTo("processed", claimed, name);
        String outcome = name + ": " + (summary.sameFileAgain() ? "received before as payment file " : "payment file ")
            + summary.id();
        log.info("Payments inbox: {}", outcome);
        return outcome;
      } catch (PaymentFileRejected e) {
        Path rejected = moveTo("rejected", claimed, name);
        Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".problems.txt"),
            String.join("\n", e.problems().stream().map(Object::toString).toList()) + "\n", StandardCharsets.UTF_8);
        log.warn("Payments inbox: {} rejected, nothing booked: {}", name, e.getMessage());
        return name + ": rejected (" + e.problems().size() + " problems)";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot import " + claimed, e);
    }
  }

  /** Into processed/ or rejected/; a name already there gets a number, so no file is ever overwritten. */
  private Path moveTo(String folder, Path claimed, String name) throws IOException {
    Path dir = Files.createDirectories(inbox.resolve(folder));
    Path target = dir.resolve(name);
    for (int n = 1; Files.exists(target); n++) {
      target = dir.resolve(name + "." + n);
    }
    return Files.move(claimed, target);
  }
}
