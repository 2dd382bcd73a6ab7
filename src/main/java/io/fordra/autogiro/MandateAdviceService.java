package io.fordra.autogiro;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Bankgirot's mandate advice (TK73) to the mandates, the whole file in one transaction: approved → ACTIVE,
 * rejected → REJECTED with the bank's codes and their text, cancelled by the payer, the bank or on Fordra's request →
 * CANCELLED. A new mandate the payer gave in their internet bank (approved, for a payer number Fordra never sent)
 * becomes an ACTIVE mandate of origin BANK of the customer whose number is the payer number, or whose personnummer /
 * organisationsnummer the record gives. What cannot be applied (unknown payer number or customer, unknown codes,
 * another payee's bankgiro) is kept aside with its reason, in the file's summary and the log. The same file again
 * (same SHA-256) changes nothing.
 */
@Service
public class MandateAdviceService {

  private static final Logger log = LoggerFactory.getLogger(MandateAdviceService.class);
  static final String APPLIED = "APPLIED";
  static final String KEPT_ASIDE = "KEPT_ASIDE";

  private final MandateRepository mandates;
  private final MandateFileRepository files;
  private final MandateService service;
  private final CustomerService customers;
  private final AutogiroProperties properties;
  private final FordraClock clock;
  private final NaturalKeys naturalKeys;

  public MandateAdviceService(MandateRepository mandates, MandateFileRepository files, MandateService service,
                              CustomerService customers, AutogiroProperties properties, FordraClock clock,
                              NaturalKeys naturalKeys) {
    this.mandates = mandates;
    this.files = files;
    this.service = service;
    this.customers = customers;
    this.properties = properties;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
  }

  /**
   * Reads and applies the file; a file received before answers with its first summary (sameFileAgain).
   *
   * @throws MandateAdviceRejected when the file is corrupt or not a mandate advice: nothing is applied
   */
  @Transactional
  public MandateAdviceSummary receive(String fileName, byte[] content) {
    String name = fileName == null || fileName.isBlank() ? "mandate-advice" : fileName.strip();
    name = name.length() > 255 ? name.substring(0, 255) : name;
    String sha = sha256(content);
    Optional<MandateFileRepository.AdviceFile> before = files.adviceBySha(sha);
    if (before.isPresent()) {
      return summary(before.get(), true);
    }
    MandateAdviceReader.ParsedAdvice parsed = MandateAdviceReader.read(content);
    String ours = properties.bankgiroDigits();
    if (!ours.isEmpty() && parsed.payeeBankgiro() != null && !parsed.payeeBankgiro().equals(ours)) {
      throw new MandateAdviceRejected(List.of(new io.fordra.kernel.FileRejected.Problem("line 1",
          "the file is for payee bankgiro " + parsed.payeeBankgiro() + ", Fordra's (fordra.autogiro.bankgiro) is "
              + ours)));
    }
    String fileNameForRow = name;
    Optional<Long> claimed = naturalKeys.tryClaim(() -> files.insertAdvice(fileNameForRow, sha, parsed.written(),
        parsed.records().size(), clock.now()));
    if (claimed.isEmpty()) {
      // The same file, received at the same moment on another node: its summary is the answer.
      return summary(files.adviceBySha(sha).orElseThrow(), true);
    }
    long fileId = claimed.get();
    String by = "Bankgirot (mandate advice " + name + ")";
    int applied = 0;
    int keptAside = 0;
    for (MandateAdviceReader.Advice advice : parsed.records()) {
      MandateFileRepository.Note note = apply(advice, ours, by);
      files.note(fileId, note);
      if (APPLIED.equals(note.outcome())) {
        applied++;
      } else {
        keptAside++;
      }
    }
    files.counts(fileId, applied, keptAside);
    // One line a file (a file of 300 000 records is one line too); the notes say which and why.
    if (keptAside > 0) {
      log.warn("Autogiro mandate advice {}: {} records, {} applied, {} kept aside (the summary of "
          + "mandate advice file {} says why)", name, parsed.records().size(), applied, keptAside, fileId);
    } else {
      log.info("Autogiro mandate advice {}: {} records, {} applied", name, parsed.records().size(), applied);
    }
    return summary(files.advice(fileId).orElseThrow(), false);
  }

  public MandateAdviceSummary summary(long id) {
    return summary(files.advice(id).orElseThrow(() -> new NotFoundException("No mandate advice file " + id)), false);
  }

  private MandateFileRepository.Note apply(MandateAdviceReader.Advice a, String ours, String by) {
    if (a.problem() != null) {
      return aside(a, a.problem());
    }
    if (!ours.isEmpty() && !a.payeeBankgiro().equals(ours)) {
      return aside(a, "the record is for payee bankgiro " + a.payeeBankgiro() + ", not Fordra's " + ours);
    }
    String codes = MandateAdviceCodes.describe(a.information(), a.comment());
    String code = a.information() + (a.comment() == null ? "" : "/" + a.comment());
    MandateAdviceCodes.Effect effect = MandateAdviceCodes.effect(a.information(), a.comment());
    if (effect == MandateAdviceCodes.Effect.UNKNOWN) {
      return aside(a, "codes " + codes + " are not ones Fordra knows; a person decides");
    }
    if (effect == MandateAdviceCodes.Effect.PAYER_NUMBER_CHANGED) {
      return aside(a, codes + ": Fordra asks for no changes of payer number (TK05); the register is not changed");
    }
    List<Mandate> known = mandates.byPayerNumberDigits(MandateScheme.AUTOGIRO, a.payerNumber());
    if (known.isEmpty()) {
      return effect == MandateAdviceCodes.Effect.ACTIVE ? fromInternetBank(a, code, codes, by)
          : aside(a, "payer number " + a.payerNumber() + " is no mandate Fordra knows (" + codes + ")");
    }
    if (known.size() > 1) {
      return aside(a, "payer number " + a.payerNumber() + " is " + known.size() + " mandates in Fordra (customers "
          + known.stream().map(Mandate::customerNumber).toList() + ", taken over from before): a person decides ("
          + codes + ")");
    }
    Mandate m = known.get(0);
    if (m.payerId() != null && a.payerId() != null && !m.payerId().equals(a.payerId())) {
      // The same payer number for another person: never change one customer's mandate on another's advice.
      return aside(a, "payer number " + a.payerNumber() + " is customer " + m.customerNumber() + "'s mandate for "
          + m.payerId() + ", but the bank's record names " + a.payerId() + " (" + codes + "): a person decides");
    }
    MandateStatus to = switch (effect) {
      case ACTIVE -> MandateStatus.ACTIVE;
      case REJECTED -> MandateStatus.REJECTED;
      default -> MandateStatus.CANCELLED;
    };
    if (to == MandateStatus.ACTIVE && m.status() == MandateStatus.CANCELLED) {
      return note(a, "approved by the bank (" + codes + ") after it was cancelled in Fordra: it stays CANCELLED"
          + (m.pendingAction() == Mandate.PendingAction.CANCEL ? "; the cancellation goes to the bank" : ""));
    }
    if (to == MandateStatus.REJECTED && m.status() == MandateStatus.ACTIVE) {
      return note(a, "the bank refused it (" + codes + ") while it is active: it stays ACTIVE");
    }
    if (m.status() == to && code.equals(m.statusCode())) {
      return note(a, "already " + to + " (" + codes + "): nothing changed");
    }
    Mandate changed = new Mandate(m.id(), m.scheme(), m.customerNumber(), m.payerNumber(),
        m.payerAccount() != null ? m.payerAccount() : a.account(), m.payerId() != null ? m.payerId() : a.payerId(),
        to, code, codes, m.origin(),
        // The bank has cancelled it already: a TK03 would only come back "not in the register"; approved or
        // rejected, a new mandate (TK04) is not to be sent any more.
        to == MandateStatus.CANCELLED || m.pendingAction() == Mandate.PendingAction.NEW ? null : m.pendingAction(),
        m.createdAt(), clock.now());
    mandates.update(changed);
    String what = switch (to) {
      case ACTIVE -> "approved by the bank";
      case REJECTED -> "rejected by the bank";
      default -> "cancelled";
    };
    service.event(changed, by, MandateService.name(m) + " " + what + " (" + codes + ")", m.status(), to);
    return note(a, m.status() + " -> " + to + " (" + codes + "), customer " + m.customerNumber());
  }

  /**
   * An approved mandate Fordra never asked for: the payer gave it in their internet bank. Its customer is the one
   * whose number is the payer number, else the one whose personnummer / organisationsnummer the record gives.
   */
  private MandateFileRepository.Note fromInternetBank(MandateAdviceReader.Advice a, String code, String codes,
                                                      String by) {
    Optional<Customer> customer = customers.find(a.payerNumber());
    if (customer.isEmpty() && a.payerId() != null) {
      List<Customer> holders = customers.byOrganisationNumber(a.payerId());
      if (holders.size() > 1) {
        return aside(a, "a new mandate from the bank (" + codes + ") for personnummer/organisationsnummer "
            + a.payerId() + ", which " + holders.size() + " customers have: a person decides whose it is");
      }
      customer = holders.stream().findFirst();
    }
    if (customer.isEmpty()) {
      return aside(a, "a new mandate from the bank (" + codes + ") for payer number " + a.payerNumber()
          + (a.payerId() == null ? "" : " and personnummer/organisationsnummer " + a.payerId())
          + ": no customer has that number or identity");
    }
    Customer c = customer.get();
    Instant now = clock.now();
    Mandate created = new Mandate(0, MandateScheme.AUTOGIRO, c.customerNumber(), a.payerNumber(), a.account(),
        a.payerId(), MandateStatus.ACTIVE, code, codes, Mandate.Origin.BANK, null, now, now);
    mandates.insert(created);
    service.event(created, by, MandateService.name(created) + " given by the payer in their internet bank, approved "
        + "by the bank (" + codes + ")", null, MandateStatus.ACTIVE);
    return note(a, "new ACTIVE mandate from the payer's internet bank, customer " + c.customerNumber() + " ("
        + codes + ")");
  }

  private static MandateFileRepository.Note note(MandateAdviceReader.Advice a, String message) {
    return new MandateFileRepository.Note(a.lineNo(), a.payerNumber(), APPLIED, message);
  }

  private static MandateFileRepository.Note aside(MandateAdviceReader.Advice a, String reason) {
    return new MandateFileRepository.Note(a.lineNo(), a.payerNumber(), KEPT_ASIDE, reason);
  }

  private MandateAdviceSummary summary(MandateFileRepository.AdviceFile f, boolean again) {
    List<MandateAdviceSummary.Note> notes = new ArrayList<>();
    for (MandateFileRepository.Note n : files.notes(f.id(), MandateAdviceSummary.NOTES_LISTED)) {
      notes.add(new MandateAdviceSummary.Note(n.lineNo(), n.payerNumber(), n.outcome(), n.message()));
    }
    return new MandateAdviceSummary(f.id(), f.fileName(), f.writtenOn(), f.records(), f.applied(), f.keptAside(),
        f.receivedAt(), again, notes, Math.max(0, f.records() - notes.size()));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
