package io.fordra.distribution.efaktura;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerEvent;
import io.fordra.customer.CustomerService;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a Norwegian private person accepts eFaktura from this issuer, as the eFaktura register says (by
 * fødselsnummer): asked before each invoice and again on fordra.efaktura.refresh-cron for everyone asked before, so that
 * consent given ("Alltid eFaktura") or stopped for this issuer in the online bank comes back. Each answer is stored
 * (fordra_efaktura_recipient); a change is an event in the customer's history ("efakturaStatus").
 */
@Service
public class EFakturaRegister {

  /** getEfakturaIdentifiers is asked about this many persons at a time. */
  static final int BATCH = 100;
  static final String BY = "eFaktura register";

  private final EFakturaClient client;
  private final EFakturaRepository repository;
  private final CustomerService customers;
  private final EFakturaProperties properties;
  private final SellerProperties seller;
  private final FordraClock clock;

  EFakturaRegister(EFakturaClient client, EFakturaRepository repository, CustomerService customers,
                   EFakturaProperties properties, SellerProperties seller, FordraClock clock) {
    this.client = client;
    this.repository = repository;
    this.customers = customers;
    this.properties = properties;
    this.seller = seller;
    this.clock = clock;
  }

  /** What the register answered about one person, with the eFaktura identifier when accepted. */
  public record Answer(RecipientStatus status, String efakturaIdentifier) {}

  /** The issuer's (utsteder's) organisation number: fordra.efaktura.issuer-id, else the seller's. */
  String issuerId() {
    String id = properties.issuerId() != null && !properties.issuerId().isBlank() ? properties.issuerId()
        : seller.organisationNumber();
    String digits = id == null ? "" : id.replaceAll("\\D", "");
    if (!digits.matches("\\d{9}")) {
      throw new IllegalStateException("eFaktura needs a Norwegian issuer: set fordra.efaktura.issuer-id (or "
          + "fordra.seller.organisation-number) to a 9-digit organisation number, not '" + id + "'");
    }
    return digits;
  }

  /**
   * Asks the register about the customer now and stores the answer.
   *
   * @throws EFakturaUnavailableException the register could not be asked (retried by the caller's job)
   */
  @Transactional
  public Answer check(Customer customer) {
    String ssn = fodselsnummer(customer);
    List<EFakturaMessages.RegisterAnswer> answers = client.lookup(messageIdentifier(), issuerId(), List.of(ssn));
    EFakturaMessages.RegisterAnswer answer = answers.stream().filter(a -> a.socialSecurityNumber().equals(ssn))
        .findFirst().orElse(new EFakturaMessages.RegisterAnswer(ssn, RecipientStatus.NOT_REGISTERED, null));
    store(customer.customerNumber(), answer);
    return new Answer(answer.status(), answer.efakturaIdentifier());
  }

  /** The next persons (customer numbers after the given one) that the refresh asks about again. */
  public List<String> askedAbout(String after) {
    return repository.askedAbout(after, BATCH);
  }

  /**
   * Asks the register again about these persons in one call and stores what changed.
   *
   * @return how many persons' status changed
   */
  @Transactional
  public int refreshBatch(List<String> customerNumbers) {
    Map<String, String> byNumber = new java.util.LinkedHashMap<>();
    for (String number : customerNumbers) {
      customers.find(number).filter(c -> c.organisationNumber() != null)
          .ifPresent(c -> byNumber.put(fodselsnummer(c), number));
    }
    if (byNumber.isEmpty()) {
      return 0;
    }
    Map<String, EFakturaMessages.RegisterAnswer> answers = client.lookup(messageIdentifier(), issuerId(),
        new ArrayList<>(byNumber.keySet())).stream()
        .collect(Collectors.toMap(EFakturaMessages.RegisterAnswer::socialSecurityNumber, Function.identity(),
            (a, b) -> a));
    int changed = 0;
    for (Map.Entry<String, String> person : byNumber.entrySet()) {
      EFakturaMessages.RegisterAnswer answer = answers.getOrDefault(person.getKey(),
          new EFakturaMessages.RegisterAnswer(person.getKey(), RecipientStatus.NOT_REGISTERED, null));
      changed += store(person.getValue(), answer) ? 1 : 0;
    }
    return changed;
  }

  /** The stored status, if the register has been asked about the customer. */
  public java.util.Optional<RecipientStatus> status(String customerNumber) {
    return repository.recipient(customerNumber).map(EFakturaRepository.Recipient::status);
  }

  /** Stores the answer; a new or changed status is also an event in the customer's history. */
  private boolean store(String customerNumber, EFakturaMessages.RegisterAnswer answer) {
    customers.findLocked(customerNumber);
    RecipientStatus before = repository.recipient(customerNumber).map(EFakturaRepository.Recipient::status)
        .orElse(null);
    boolean changed = before != answer.status();
    repository.saveRecipient(customerNumber, answer.status(), answer.efakturaIdentifier(), clock.now(), changed);
    if (changed) {
      customers.recordEvent(customerNumber, BY, describe(answer.status()), List.of(
          new CustomerEvent.Change("efakturaStatus", before == null ? null : before.name(), answer.status().name())));
    }
    return changed;
  }

  static String describe(RecipientStatus status) {
    return switch (status) {
      case ACCEPTED -> "accepts eFaktura from this issuer (Alltid eFaktura)";
      case NOT_REGISTERED -> "not in the eFaktura register or without a general acceptance (Alltid eFaktura)";
      case BLOCKED -> "has stopped eFaktura from this issuer in the online bank";
    };
  }

  static String fodselsnummer(Customer customer) {
    String ssn = customer.organisationNumber() == null ? "" : customer.organisationNumber().replaceAll("\\D", "");
    if (!ssn.matches("\\d{11}")) {
      throw new IllegalArgumentException("customer " + customer.customerNumber() + " has no fødselsnummer");
    }
    return ssn;
  }

  private static String messageIdentifier() {
    return "fordra-" + UUID.randomUUID();
  }
}
