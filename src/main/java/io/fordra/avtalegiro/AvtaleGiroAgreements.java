package io.fordra.avtalegiro;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.reference.PaymentReferences;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the AvtaleGiro agreement information from Nets (see {@link AgreementFileReader}) to fordra_mandate, one
 * row per KID with scheme AVTALEGIRO: a new or changed agreement (registration type 1, or 0 in a list of all active
 * agreements) makes the mandate ACTIVE with the payer's notification choice (bank_notifies: "ønsker skriftlig varsel"
 * J); a deleted one (2) makes it CANCELLED. A mandate the payer made in their bank has origin BANK.
 *
 * <p>Whose agreement: the customer of the AVTALEGIRO mandate with that KID, if there is one; else the customer of
 * the invoice whose KID it is (the payer signed up with the KID of an invoice they had); else the customer whose
 * number the KID is, with or without its MOD10 check digit. A KID none of these names, or a customer who is not
 * Norwegian, is kept aside with its reason (stored with the file, listed in its outcome) for a person; the rest of
 * the file is applied. A list of all agreements (type 0) cancels nothing that it leaves out: a mandate is only
 * cancelled when the bank says so.
 *
 * <p>Idempotent: the same file again (by its SHA-256) answers with the first outcome and changes nothing; an
 * agreement that is already as the bank says is left as it is (no new version).
 */
@Service
public class AvtaleGiroAgreements {

  private static final Logger log = LoggerFactory.getLogger(AvtaleGiroAgreements.class);

  private final AvtaleGiroRepository repository;
  private final CustomerService customers;
  private final InvoiceService invoices;
  private final NaturalKeys naturalKeys;
  private final FordraClock clock;
  private final AgreementFileReader reader = new AgreementFileReader();

  AvtaleGiroAgreements(AvtaleGiroRepository repository, CustomerService customers, InvoiceService invoices,
                       NaturalKeys naturalKeys, FordraClock clock) {
    this.repository = repository;
    this.customers = customers;
    this.invoices = invoices;
    this.naturalKeys = naturalKeys;
    this.clock = clock;
  }

  /**
   * What became of a file: its counts, the agreements kept aside with their reasons, and what was remarked.
   *
   * @param sameFileAgain the file was received before: this is the first outcome, nothing was changed now
   */
  public record Outcome(long fileId, boolean sameFileAgain, int agreements, int changed, int unchanged,
                        List<String> keptAside, List<String> remarks) {

    public String describe() {
      return agreements + " agreements: " + changed + " mandates created or changed, " + unchanged
          + " already so, " + keptAside.size() + " kept aside";
    }
  }

  /** Reads and applies a file; a corrupt one is refused whole (a FileRejected), nothing applied. */
  @Transactional
  public Outcome receive(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new AgreementFileRejected(List.of(new io.fordra.kernel.FileRejected.Problem("file", "is empty")));
    }
    String hash = sha256(content);
    Optional<AvtaleGiroRepository.FileOutcome> earlier = repository.findFile(hash);
    if (earlier.isPresent()) {
      return again(earlier.get());
    }
    AgreementFileReader.AgreementFile file = reader.read(content);
    Instant now = clock.now();
    String name = fileName == null || fileName.isBlank() ? "avtalegiro" : fileName.strip();
    Optional<Long> claimed = naturalKeys.tryClaim(() -> repository.insertFile(
        name.length() > 255 ? name.substring(0, 255) : name, hash, now));
    if (claimed.isEmpty()) {
      // received at this moment by another node: its outcome stands
      return again(repository.findFile(hash).orElseThrow());
    }
    long id = claimed.get();
    int changed = 0;
    int unchanged = 0;
    List<String> keptAside = new ArrayList<>();
    for (AgreementFileReader.Agreement agreement : file.agreements()) {
      Applied applied = apply(agreement, now);
      switch (applied.result) {
        case CHANGED -> changed++;
        case UNCHANGED -> unchanged++;
        case KEPT_ASIDE -> {
          repository.insertAside(id, agreement.line(), agreement.kid(), applied.reason);
          keptAside.add("line " + agreement.line() + " (KID " + agreement.kid() + "): " + applied.reason);
          log.warn("AvtaleGiro agreement file {}: line {} kept aside: {}", id, agreement.line(), applied.reason);
        }
      }
    }
    repository.finishFile(id, file.agreements().size(), changed, unchanged, keptAside.size());
    Outcome outcome = new Outcome(id, false, file.agreements().size(), changed, unchanged, keptAside,
        file.remarks());
    log.info("AvtaleGiro agreement file {} ({}): {}", id, name, outcome.describe());
    return outcome;
  }

  private Outcome again(AvtaleGiroRepository.FileOutcome o) {
    return new Outcome(o.id(), true, o.agreements(), o.changed(), o.unchanged(), repository.aside(o.id()),
        List.of());
  }

  private enum Result { CHANGED, UNCHANGED, KEPT_ASIDE }

  private record Applied(Result result, String reason) {}

  private Applied apply(AgreementFileReader.Agreement agreement, Instant now) {
    boolean deleted = agreement.registrationType() == '2';
    String status = deleted ? "CANCELLED" : "ACTIVE";
    String code = String.valueOf(agreement.registrationType());
    String text = switch (agreement.registrationType()) {
      case '0' -> "Active agreement (Nets list of all agreements)";
      case '1' -> "New or changed agreement registered in the payer's bank";
      default -> "Agreement deleted in the payer's bank";
    };
    Optional<AvtaleGiroRepository.Mandate> existing = repository.find(agreement.kid());
    if (existing.isPresent()) {
      AvtaleGiroRepository.Mandate m = existing.get();
      Boolean notifies = deleted ? m.bankNotifies() : Boolean.valueOf(agreement.bankNotifies());
      if (m.status().equals(status) && java.util.Objects.equals(m.bankNotifies(), notifies)) {
        return new Applied(Result.UNCHANGED, null);
      }
      repository.update(m.id(), status, code, text, notifies, now);
      log.info("AvtaleGiro mandate {} of customer {}: {} (bank notifies: {})", agreement.kid(), m.customerNumber(),
          status, notifies);
      return new Applied(Result.CHANGED, null);
    }
    Optional<Customer> customer = customerOf(agreement.kid());
    if (customer.isEmpty()) {
      return new Applied(Result.KEPT_ASIDE, (deleted ? "a deleted agreement" : "an agreement") + " for KID "
          + agreement.kid() + ", which names no customer (no AvtaleGiro mandate, invoice or customer number "
          + "with this KID): find the payer and register the mandate by hand");
    }
    if (customer.get().country() != Country.NO) {
      return new Applied(Result.KEPT_ASIDE, "KID " + agreement.kid() + " names customer "
          + customer.get().customerNumber() + ", who is not Norwegian (" + customer.get().country()
          + "): AvtaleGiro is a Norwegian scheme");
    }
    String customerNumber = customer.get().customerNumber();
    Optional<Boolean> inserted = naturalKeys.tryClaim(() -> {
      repository.insert(customerNumber, agreement.kid(), status, code, text, agreement.bankNotifies(), now);
      return Boolean.TRUE;
    });
    if (inserted.isEmpty()) {
      return apply(agreement, now); // inserted at this moment by another file: apply to that row
    }
    log.info("AvtaleGiro mandate {} of customer {}: {} (bank notifies: {}), registered in the payer's bank",
        agreement.kid(), customerNumber, status, agreement.bankNotifies());
    return new Applied(Result.CHANGED, null);
  }

  private Optional<Customer> customerOf(String kid) {
    Optional<String> number = invoices.findByReference(kid).map(Invoice::customerNumber);
    if (number.isEmpty() && PaymentReferences.isValidNorwegianKid(kid)
        && customers.exists(kid.substring(0, kid.length() - 1))) {
      number = Optional.of(kid.substring(0, kid.length() - 1));
    }
    if (number.isEmpty() && customers.exists(kid)) {
      number = Optional.of(kid);
    }
    return number.flatMap(customers::find);
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
