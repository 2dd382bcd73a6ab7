package io.fordra.autogiro;

import io.fordra.process.FordraClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mandate file to Bankgirot: every new mandate (TK04) and cancellation (TK03) waiting, behind the opening record
 * (TK01), in one file in fordra.autogiro.outbox. A mandate is claimed into the file with a conditional UPDATE (its
 * pending action is still there), so two nodes never put one mandate into two files. The file is first stored with its
 * content in the same transaction as the claims, then written to the outbox (temp file + move); a file whose writing
 * failed is written again, the same, by the next run.
 */
@Service
public class MandateFileService {

  private static final Logger log = LoggerFactory.getLogger(MandateFileService.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final MandateRepository mandates;
  private final MandateFileRepository files;
  private final MandateService service;
  private final AutogiroProperties properties;
  private final FordraClock clock;
  private final TransactionTemplate transaction;

  public MandateFileService(MandateRepository mandates, MandateFileRepository files, MandateService service,
                            AutogiroProperties properties, FordraClock clock, PlatformTransactionManager tm) {
    this.mandates = mandates;
    this.files = files;
    this.service = service;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(tm);
  }

  /** Writes the mandate file if anything waits, and any file not yet in the outbox; returns the files written. */
  public List<Path> run() {
    String problem = properties.configurationProblem();
    if (problem != null) {
      if (!mandates.pending(MandateScheme.AUTOGIRO).isEmpty()) {
        log.error("Autogiro mandates wait to be sent but no mandate file can be written: {}", problem);
      }
      return List.of();
    }
    transaction.executeWithoutResult(status -> prepare());
    return deliver();
  }

  /** Claims what waits into a new file (stored, not yet in the outbox); empty when nothing waits. */
  Optional<Long> prepare() {
    List<Long> waiting = mandates.pending(MandateScheme.AUTOGIRO);
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = clock.today();
    long fileId = files.insertOutgoing(today, clock.now());
    String fileName = "autogiro-mandates-" + DATE.format(today) + "-" + String.format("%06d", fileId) + ".txt";
    List<MandateFileWriter.Entry> entries = new ArrayList<>();
    for (long id : waiting) {
      Mandate m = mandates.find(id).orElse(null);
      if (m == null || m.pendingAction() == null) {
        continue;
      }
      if (m.pendingAction() == Mandate.PendingAction.NEW && (m.payerAccount() == null || m.payerId() == null)) {
        continue;   // a TK04 without account and personnummer would say "accept an internet-bank mandate"
      }
      if (!mandates.claim(id, m.pendingAction(), fileId, clock.now())) {
        continue;   // another node's file has it
      }
      entries.add(new MandateFileWriter.Entry(m.pendingAction(), m.payerNumber(), m.payerAccount(), m.payerId()));
      service.event(m, "Fordra", MandateService.name(m) + (m.pendingAction() == Mandate.PendingAction.NEW
              ? " sent to the bank" : " cancellation sent to the bank") + " in " + fileName,
          m.status(), m.pendingAction() == Mandate.PendingAction.NEW ? MandateStatus.SENT : m.status());
    }
    if (entries.isEmpty()) {
      files.deleteOutgoing(fileId);
      return Optional.empty();
    }
    byte[] content = MandateFileWriter.write(today, properties.customerNumber(), properties.bankgiroDigits(), entries);
    files.completeOutgoing(fileId, fileName, entries.size(), content);
    log.info("Autogiro mandate file {}: {} records", fileName, entries.size());
    return Optional.of(fileId);
  }

  /** Writes every stored file not yet in the outbox there, atomically (temp + move); the same name, the same bytes. */
  List<Path> deliver() {
    List<Path> written = new ArrayList<>();
    for (MandateFileRepository.OutgoingFile file : files.undelivered()) {
      try {
        Path outbox = Files.createDirectories(properties.outbox());
        // A temp file of its own: another node may be writing the same file at this moment.
        Path temp = Files.createTempFile(outbox, "." + file.fileName() + ".", ".tmp");
        Files.write(temp, file.content());
        Path target = outbox.resolve(file.fileName());
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        files.delivered(file.id(), clock.now());
        written.add(target);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the Autogiro mandate file " + file.fileName() + " to "
            + properties.outbox().toAbsolutePath() + "; the next run tries again", e);
      }
    }
    return written;
  }
}
