package io.fordra.autogiro;

import io.fordra.inbox.FolderInbox;
import io.fordra.kernel.FileRejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mandate advice files in the watched folder fordra.autogiro.inbox: each is claimed once across nodes
 * (FolderInbox), applied, then moved to processed/ (a .report.txt beside it) or rejected/ (a .problems.txt). Only
 * files whose opening names the layout AG-MEDAVI are taken: Bankgirot's other Autogiro files in the same folder
 * (payment specifications, rejected payments) are left to their own reader.
 */
@Component
public class MandateAdviceInbox {

  private static final Logger log = LoggerFactory.getLogger(MandateAdviceInbox.class);

  private final MandateAdviceService advice;
  private final FolderInbox inbox;

  public MandateAdviceInbox(MandateAdviceService advice, AutogiroProperties properties) {
    this.advice = advice;
    this.inbox = new FolderInbox(properties.inbox());
  }

  /** Applies every mandate advice file waiting; returns what became of each (file name → summary or problems). */
  public List<String> poll() {
    List<String> outcomes = new ArrayList<>();
    for (Path file : inbox.waiting()) {
      String name = file.getFileName().toString();
      if (!isMandateAdvice(file)) {
        // Said, not left lying: a file here that is no mandate advice goes to rejected/ with why.
        inbox.claim(file).ifPresent(claimed -> {
          inbox.reject(claimed, name, new MandateAdviceRejected(List.of(new FileRejected.Problem("line 1",
              "not an Autogiro mandate advice (its opening record names layout AG-MEDAVI); the bank's payment "
                  + "specification goes to fordra.payments.inbox"))));
          log.warn("Autogiro inbox: {} is no mandate advice; moved to rejected/", name);
          outcomes.add(name + ": rejected (not a mandate advice)");
        });
        continue;
      }
      inbox.claim(file).ifPresent(claimed -> outcomes.add(importClaimed(name, claimed)));
    }
    return outcomes;
  }

  private static boolean isMandateAdvice(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return MandateAdviceReader.looksLikeMandateAdvice(in.readNBytes(82));
    } catch (IOException e) {
      return false;   // gone meanwhile (another node claimed it)
    }
  }

  private String importClaimed(String name, Path claimed) {
    byte[] content = FolderInbox.content(claimed);
    try {
      MandateAdviceSummary summary = advice.receive(name, content);
      Path processed = inbox.moveTo(FolderInbox.PROCESSED, claimed, name);
      StringBuilder report = new StringBuilder("Mandate advice file " + summary.id() + ": " + summary.records()
          + " records, " + summary.applied() + " applied, " + summary.keptAside() + " kept aside"
          + (summary.sameFileAgain() ? " (received before: nothing applied again)" : "") + "\n");
      summary.notes().forEach(n -> report.append("line ").append(n.line()).append(" payer ").append(n.payerNumber())
          .append(": ").append(n.outcome()).append(": ").append(n.message()).append('\n'));
      if (summary.notesNotListed() > 0) {
        report.append("and ").append(summary.notesNotListed()).append(" more records (GET /api/autogiro/mandate-advice-"
            + "files/").append(summary.id()).append(")\n");
      }
      inbox.writeBeside(processed, ".report.txt", report.toString());
      String outcome = name + ": " + (summary.sameFileAgain() ? "received before as mandate advice file "
          : "mandate advice file ") + summary.id();
      log.info("Autogiro inbox: {}", outcome);
      return outcome;
    } catch (MandateAdviceRejected e) {
      inbox.reject(claimed, name, e);
      log.warn("Autogiro inbox: {} rejected, no mandate changed: {}", name, e.getMessage());
      return name + ": rejected (" + e.problemCount() + " problems)";
    }
  }
}
