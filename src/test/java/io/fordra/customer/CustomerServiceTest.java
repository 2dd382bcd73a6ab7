package io.fordra.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerRequest.AddressRequest;
import io.fordra.customer.CustomerRequest.ElectronicAddressRequest;
import io.fordra.customer.CustomerRequest.InvoiceReferenceRequest;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The customer register alone: no Spring, no engine. The table is behind a mocked repository; NaturalKeys is the real
 * one over a mocked transaction manager, so a duplicate key turns into the 409 it does in production.
 */
class CustomerServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");

  private final CustomerRepository customers = mock(CustomerRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final CustomerEventRepository events = mock(CustomerEventRepository.class);
  private final CustomerService service = new CustomerService(customers, events, clock,
      new NaturalKeys(mock(PlatformTransactionManager.class)));

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.now()).thenReturn(NOW);
  }

  @Test
  void aNewCustomerIsStoredCleanedUpWithTheDefaultsOfItsCountry() {
    CustomerRequest request = new CustomerRequest("C-1", "  Exempel AB ", CustomerType.BUSINESS, null, Country.SE,
        "556677-8899", "info@exempel.se", " ", new AddressRequest(" Storgatan 1 ", "111 22", " Stockholm", null),
        null, null, null, new ElectronicAddressRequest("0007", "5566778899"));

    Customer created = service.create(request);

    Customer expected = new Customer("C-1", "Exempel AB", CustomerType.BUSINESS, false, Country.SE, "556677-8899",
        "info@exempel.se", null, new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false,
        Channel.EMAIL, "sv", new Customer.ElectronicAddress("0007", "5566778899"), NOW, null, null, null, false);
    assertThat(created).isEqualTo(expected);
    verify(customers).insert(expected);
  }

  @Test
  void aNorwegianPersonWithoutAnAddressWritesInNorwegianAndKeepsTheirChoices() {
    CustomerRequest request = new CustomerRequest("N-7", "Kari Nordmann", CustomerType.PRIVATE, true, Country.NO,
        null, "kari@example.no", null, null, true, Channel.PRINT, null, null, null, null, null, true);

    Customer created = service.create(request);

    assertThat(created.language()).isEqualTo("nb");
    assertThat(created.address()).isEqualTo(new Customer.Address(null, null, null, "NO"));
    assertThat(created.preferredChannel()).isEqualTo(Channel.PRINT);
    assertThat(created.priority()).isTrue();
    assertThat(created.reminderFeeAgreed()).isTrue();
    assertThat(created.interestInvoicing()).isTrue();
    verify(customers).insert(created);
  }

  @Test
  void aRequestWithManyProblemsNamesThemAllAndStoresNothing() {
    CustomerRequest request = new CustomerRequest("C/1", " ", CustomerType.BUSINESS, null, Country.SE,
        "556677-8898", null, "not-an-email", new AddressRequest("Storgatan 1", "1234", "Stockholm", null), null, null,
        "de", new ElectronicAddressRequest("7", "5566778899"));

    assertThatThrownBy(() -> service.create(request)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> {
          assertThat(e.violations()).extracting(Violation::field).containsExactly("customerNumber", "name",
              "invoiceEmail", "organisationNumber", "address.postalCode", "language", "electronicAddress.scheme");
          assertThat(e.violations()).contains(
              new Violation("customerNumber", "'C/1' is not a valid number: " + io.fordra.kernel.Identifiers.RULE),
              new Violation("name", "is required"),
              new Violation("invoiceEmail", "is not an e-mail address"),
              new Violation("organisationNumber", "is not a valid SE organisation number"),
              new Violation("address.postalCode", "is not a valid SE postal code (NNN NN)"),
              new Violation("electronicAddress.scheme", "must be a 4-digit PEPPOL scheme such as 0007 or 0192"));
          assertThat(e.violations().get(5).message()).startsWith("'de' is not one of ");
        });
    verify(customers, never()).insert(any());
    verify(customers, never()).find(anyString());
  }

  /** Issue 15: a private customer's identity number was stored unchecked ("1" was accepted). */
  @Test
  void aPrivateCustomersIdentityNumberIsChecked() {
    CustomerRequest typo = new CustomerRequest("C-3", "Anna Andersson", CustomerType.PRIVATE, null, Country.SE,
        "121212-1213", "anna@example.se", null, null, null, null, null, null);

    assertThatThrownBy(() -> service.create(typo)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).containsExactly(new Violation("organisationNumber",
            "is not a valid SE personal identity number (personnummer or samordningsnummer)")));
    verify(customers, never()).insert(any());
  }

  /** Issue 19: the digital mailbox is found by a Swedish person's personnummer; nobody else can prefer it. */
  @Test
  void onlyAPersonInSwedenWithAPersonnummerMayPreferTheDigitalMailbox() {
    CustomerRequest business = new CustomerRequest("C-4", "Firma AB", CustomerType.BUSINESS, null, Country.SE,
        "5566778899", "f@example.se", null, null, null, Channel.DIGITAL_MAILBOX, null, null);
    CustomerRequest norwegian = new CustomerRequest("C-5", "Kari Nordmann", CustomerType.PRIVATE, null, Country.NO,
        null, "kari@example.no", null, null, null, Channel.DIGITAL_MAILBOX, null, null);
    CustomerRequest noNumber = new CustomerRequest("C-6", "Anna Andersson", CustomerType.PRIVATE, null, Country.SE,
        null, "anna@example.se", null, null, null, Channel.DIGITAL_MAILBOX, null, null);

    for (CustomerRequest refused : new CustomerRequest[] {business, norwegian}) {
      assertThatThrownBy(() -> service.create(refused)).isInstanceOfSatisfying(InvalidRequestException.class,
          e -> assertThat(e.violations()).containsExactly(new Violation("preferredChannel",
              "DIGITAL_MAILBOX is for a private person in Sweden (type PRIVATE, country SE)")));
    }
    assertThatThrownBy(() -> service.create(noNumber)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).containsExactly(new Violation("organisationNumber", "the personnummer is "
            + "required for the preferred channel DIGITAL_MAILBOX (the digital mailbox is found by it)")));
    verify(customers, never()).insert(any());
  }

  @Test
  void aCustomerNobodyCanReachIsRefused() {
    CustomerRequest unreachable = new CustomerRequest("C-2", "Tyst AB", CustomerType.BUSINESS, null, Country.SE,
        "5566778899", null, null, null, null, null, null, null);

    assertThatThrownBy(() -> service.create(unreachable)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).containsExactly(new Violation("email", "the customer has no channel to reach "
            + "them: give an e-mail, a postal address or an electronic address")));
    verifyNoInteractions(customers);
  }

  @Test
  void theDistributionDetailsMustFitTheCustomersType() {
    when(customers.find("P-1")).thenReturn(Optional.of(customer("P-1", CustomerType.PRIVATE)));
    CustomerRequest person = new CustomerRequest("C-3", "Anna Svensson", CustomerType.PRIVATE, null, Country.SE,
        null, "anna@example.se", null, null, null, Channel.DIRECT_DEBIT, null, null, "P-1",
        new InvoiceReferenceRequest("Anna", null), "AG 1");

    Violations violations = new Violations();
    service.validate(person, "customer.", violations);

    assertThat(violations.list()).extracting(Violation::field, Violation::message).containsExactly(
        tuple("customer.organisationCustomerNumber",
            "'P-1' is not an organisation (a BUSINESS customer) in the register"),
        tuple("customer.invoiceReference", "only an organisation (type BUSINESS) has an invoice reference"),
        tuple("customer.directDebitMandate", "may contain only letters, digits and '-'"));
  }

  @Test
  void directDebitAsPreferredChannelNeedsAMandate() {
    CustomerRequest request = new CustomerRequest("C-4", "Autogiro AB", CustomerType.BUSINESS, null, Country.SE,
        "5566778899", "ekonomi@autogiro.se", null, null, null, Channel.DIRECT_DEBIT, null, null);

    Violations violations = new Violations();
    service.validate(request, "", violations);

    assertThat(violations.list()).containsExactly(new Violation("directDebitMandate", "is required for the "
        + "preferred channel DIRECT_DEBIT (the autogiro payer number or AvtaleGiro mandate)"));
  }

  @Test
  void aTakenCustomerNumberIsAConflictAndNothingIsStored() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));

    assertThatThrownBy(() -> service.create(valid("C-1"))).isInstanceOf(ConflictException.class)
        .hasMessage("Customer C-1 already exists");
    verify(customers, never()).insert(any());
  }

  @Test
  void theNumberOfAnInactiveCustomerIsNeverGivenToAnother() {
    when(customers.find("C-1")).thenReturn(Optional.of(inactive(customer("C-1", CustomerType.BUSINESS))));

    assertThatThrownBy(() -> service.create(valid("C-1"))).isInstanceOf(ConflictException.class)
        .hasMessage("Customer C-1 already exists (inactive; a customer number is never reused: reactivate it with "
            + "POST /api/customers/C-1/reactivation)");
    verify(customers, never()).insert(any());
  }

  @Test
  void aPutReplacesTheWholeCustomer_keepsNumberCreationAndActive_andRecordsEachChangedField() {
    Customer before = customer("C-1", CustomerType.BUSINESS);
    when(customers.find("C-1")).thenReturn(Optional.of(before));
    CustomerRequest whole = new CustomerRequest(null, "Exempel Norr AB", CustomerType.BUSINESS, null, Country.SE,
        "556677-8899", "info@exempel.se", "faktura@exempel.se", null, true, Channel.PRINT, null, null);

    Customer replaced = service.replace("C-1", whole, "eva");

    Customer expected = new Customer("C-1", "Exempel Norr AB", CustomerType.BUSINESS, false, Country.SE,
        "556677-8899", "info@exempel.se", "faktura@exempel.se", new Customer.Address(null, null, null, "SE"), true,
        Channel.PRINT, "sv", null, NOW.minusSeconds(86400), null, null, null, false);
    assertThat(replaced).isEqualTo(expected);
    var order = org.mockito.Mockito.inOrder(customers, events);
    order.verify(customers).lock("C-1");
    order.verify(customers).update(expected);
    order.verify(events).insert("C-1", new CustomerEvent(0, CustomerEvent.Type.CHANGED, NOW, "eva", null, List.of(
        new CustomerEvent.Change("name", "Exempel AB", "Exempel Norr AB"),
        new CustomerEvent.Change("invoiceEmail", null, "faktura@exempel.se"),
        new CustomerEvent.Change("address.street", "Storgatan 1", null),
        new CustomerEvent.Change("address.postalCode", "111 22", null),
        new CustomerEvent.Change("address.city", "Stockholm", null),
        new CustomerEvent.Change("reminderFeeAgreed", "false", "true"),
        new CustomerEvent.Change("preferredChannel", "EMAIL", "PRINT"))));
  }

  @Test
  void aPutMissingWhatACreateRequiresSaysAPutReplacesTheWholeCustomer_andChangesNothing() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));
    CustomerRequest partial = new CustomerRequest("C-2", null, null, null, null, null, "ny@exempel.se", null, null,
        null, null, null, null);

    assertThatThrownBy(() -> service.replace("C-1", partial, "eva")).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("customerNumber", "'C-2' is not the customer in the path ('C-1'); leave it out or give the "
                + "same number (a customer number cannot change)"),
            new Violation("name", "is required: a PUT replaces the whole customer (PATCH changes only the fields "
                + "given)"),
            new Violation("type", "is required: a PUT replaces the whole customer (PATCH changes only the fields "
                + "given)"),
            new Violation("country", "is required: a PUT replaces the whole customer (PATCH changes only the fields "
                + "given)")));
    verify(customers, never()).update(any());
    verifyNoInteractions(events);
  }

  @Test
  void aPatchIsGivenTheCustomerAsARequestWithoutItsNumber_andAChangeToNothingRecordsNothing() {
    Customer before = customer("C-1", CustomerType.BUSINESS);
    when(customers.find("C-1")).thenReturn(Optional.of(before));
    List<CustomerRequest> given = new java.util.ArrayList<>();

    Customer same = service.patch("C-1", current -> {
      given.add(current);
      return current;
    }, "eva");

    assertThat(given).containsExactly(CustomerRequest.of(before).withCustomerNumber(null));
    assertThat(same).isEqualTo(before);
    verify(customers).lock("C-1");
    verify(customers, never()).update(any());
    verifyNoInteractions(events);
  }

  @Test
  void anOrganisationThatPersonsBelongToStaysBusiness() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));
    when(customers.hasMembers("C-1")).thenReturn(true);

    assertThatThrownBy(() -> service.patch("C-1", current -> new CustomerRequest(null, current.name(),
        CustomerType.PRIVATE, null, Country.SE, null, current.email(), null, null, null, null, null, null), "eva"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("type", "persons belong to organisation C-1 (their organisationCustomerNumber): it stays "
                + "BUSINESS while they do")));
    verify(customers, never()).update(any());
  }

  @Test
  void aChangeOfAnUnknownCustomerIs404() {
    assertThatThrownBy(() -> service.patch("C-9", current -> current, "eva")).isInstanceOf(NotFoundException.class)
        .hasMessage("No customer C-9");
    assertThatThrownBy(() -> service.replace("C-9", valid(null), "eva")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.deactivate("C-9", null, "eva")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.events("C-9")).isInstanceOf(NotFoundException.class);
    verify(customers, never()).update(any());
    verifyNoInteractions(events);
  }

  @Test
  void deactivationIsRecordedOnce_andReactivationUndoesIt() {
    Customer active = customer("C-1", CustomerType.BUSINESS);
    when(customers.find("C-1")).thenReturn(Optional.of(active), Optional.of(inactive(active)),
        Optional.of(inactive(active)), Optional.of(inactive(active)), Optional.of(inactive(active)),
        Optional.of(active));

    assertThat(service.deactivate("C-1", " moved abroad ", "eva").active()).isFalse();
    assertThat(service.deactivate("C-1", null, "eva").active()).as("again: nothing to do").isFalse();
    assertThat(service.reactivate("C-1", null, "olle").active()).isTrue();

    verify(customers).setActive("C-1", false);
    verify(customers).setActive("C-1", true);
    verify(customers, times(3)).lock("C-1");
    verify(events).insert("C-1", new CustomerEvent(0, CustomerEvent.Type.DEACTIVATED, NOW, "eva", "moved abroad",
        List.of(new CustomerEvent.Change("active", "true", "false"))));
    verify(events).insert("C-1", new CustomerEvent(0, CustomerEvent.Type.REACTIVATED, NOW, "olle", null,
        List.of(new CustomerEvent.Change("active", "false", "true"))));
    verify(events, times(2)).insert(anyString(), any());
  }

  @Test
  void theListNormalisesWhatItSearchesFor() {
    List<Customer> page = List.of(customer("C-1", CustomerType.BUSINESS));
    when(customers.search(any(), anyString(), org.mockito.ArgumentMatchers.anyInt())).thenReturn(page);

    assertThat(service.list(new CustomerQuery(" ", "exempel", "16 556677-8899", " Info@Exempel.SE", true, ""), null,
        10)).isSameAs(page);
    assertThat(service.list(new CustomerQuery(null, null, null, null, null, "C-"), "C-0", 5)).isSameAs(page);

    verify(customers).search(new CustomerQuery(null, "exempel", "5566778899", "info@exempel.se", true, null), "", 10);
    verify(customers).search(new CustomerQuery(null, null, null, null, null, "C-"), "C-0", 5);
  }

  @Test
  void theEventsOfACustomerAreItsOwn() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));
    List<CustomerEvent> recorded = List.of(new CustomerEvent(7, CustomerEvent.Type.DEACTIVATED, NOW, "eva", null,
        List.of()));
    when(events.of("C-1")).thenReturn(recorded);

    assertThat(service.events("C-1")).isSameAs(recorded);
  }

  @Test
  void aConcurrentCreateOfTheSameNumberIsAConflictToo() {
    doThrow(new DuplicateKeyException("fordra_customer_pkey")).when(customers).insert(any());

    assertThatThrownBy(() -> service.create(valid("C-1"))).isInstanceOf(ConflictException.class)
        .hasMessage("Customer C-1 already exists");
  }

  @Test
  void anInlineCustomerStoredMeanwhileByAnotherRequestIsTakenAsItIs() {
    Customer stored = customer("C-5", CustomerType.BUSINESS);
    doThrow(new DuplicateKeyException("fordra_customer_pkey")).when(customers).insert(any());
    when(customers.find("C-5")).thenReturn(Optional.of(stored));

    assertThat(service.createValidated(valid("C-5"))).isSameAs(stored);
  }

  @Test
  void anInlineCustomerIsStoredOnce() {
    Customer created = service.createValidated(valid("C-6"));

    assertThat(created.customerNumber()).isEqualTo("C-6");
    assertThat(created.createdAt()).isEqualTo(NOW);
    verify(customers).insert(created);
    verify(customers, never()).find(anyString());
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    when(customers.find("X-1")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.get("X-1")).isInstanceOf(NotFoundException.class)
        .hasMessage("No customer X-1");
  }

  @Test
  void anOrganisationNumberIsLookedUpByItsTenDigitsHoweverItIsWritten() {
    List<Customer> found = List.of(customer("C-1", CustomerType.BUSINESS));
    when(customers.byOrganisationNumber("5566778899")).thenReturn(found);

    assertThat(service.byOrganisationNumber("16 556677-8899")).isEqualTo(found);
    assertThat(service.byOrganisationNumber("556677-8899")).isEqualTo(found);
    assertThat(service.byOrganisationNumber(" - ")).isEmpty();
    assertThat(service.byOrganisationNumber(null)).isEmpty();
    verify(customers, times(2)).byOrganisationNumber(anyString());
  }

  @Test
  void aBouncedContactIsCorrectedInTheCustomersOwnCountry() {
    Customer before = customer("C-1", CustomerType.BUSINESS);
    Customer after = new Customer("C-1", "Exempel AB", CustomerType.BUSINESS, false, Country.SE, "556677-8899",
        "info@exempel.se", "ny@exempel.se", new Customer.Address("Nygatan 2", "222 33", "Lund", "SE"), false,
        Channel.EMAIL, "sv", null, NOW, null, null, null, false);
    when(customers.find("C-1")).thenReturn(Optional.of(before), Optional.of(after));

    Customer corrected = service.correctContact("C-1", " ny@exempel.se ",
        new Customer.Address(" Nygatan 2", "222 33 ", "Lund", null), "kalle");

    assertThat(corrected).isSameAs(after);
    verify(customers).lock("C-1");
    verify(customers).updateInvoiceEmail("C-1", "ny@exempel.se");
    verify(customers).updateAddress("C-1", new Customer.Address("Nygatan 2", "222 33", "Lund", "SE"));
    verify(events).insert("C-1", new CustomerEvent(0, CustomerEvent.Type.CHANGED, NOW, "kalle", "deviation corrected",
        List.of(new CustomerEvent.Change("invoiceEmail", null, "ny@exempel.se"),
            new CustomerEvent.Change("address.street", "Storgatan 1", "Nygatan 2"),
            new CustomerEvent.Change("address.postalCode", "111 22", "222 33"),
            new CustomerEvent.Change("address.city", "Stockholm", "Lund"))));
  }

  @Test
  void aCorrectionThatBreaksARuleChangesNothing() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));

    assertThatThrownBy(() -> service.correctContact("C-1", "no-at-sign",
        new Customer.Address("Storgata 1", "111 22", "Oslo", "NO"), "kalle"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("invoiceEmail", "is not an e-mail address"),
            new Violation("address.postalCode", "is not a valid NO postal code (NNNN)")));
    verify(customers, never()).updateInvoiceEmail(anyString(), anyString());
    verify(customers, never()).updateAddress(anyString(), any());
    verifyNoInteractions(events);
  }

  @Test
  void onlyTheGivenDetailIsCorrected() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));

    service.correctContact("C-1", null, new Customer.Address("Nygatan 2", "22233", "Lund", "SE"), "kalle");

    verify(customers).updateAddress("C-1", new Customer.Address("Nygatan 2", "22233", "Lund", "SE"));
    verify(customers, never()).updateInvoiceEmail(anyString(), anyString());
  }

  private static CustomerRequest valid(String customerNumber) {
    return new CustomerRequest(customerNumber, "Exempel AB", CustomerType.BUSINESS, null, Country.SE, "556677-8899",
        "info@exempel.se", null, null, null, null, null, null);
  }

  /** A customer created the day before. */
  private static Customer customer(String customerNumber, CustomerType type) {
    return new Customer(customerNumber, "Exempel AB", type, false, Country.SE, "556677-8899", "info@exempel.se",
        null, new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false, Channel.EMAIL, "sv", null,
        NOW.minusSeconds(86400), null, null, null, false);
  }

  private static Customer inactive(Customer c) {
    return new Customer(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(), c.organisationNumber(),
        c.email(), c.invoiceEmail(), c.address(), c.reminderFeeAgreed(), c.preferredChannel(), c.language(),
        c.electronicAddress(), c.createdAt(), c.organisationCustomerNumber(), c.invoiceReference(),
        c.directDebitMandate(), c.interestInvoicing(), false);
  }
}
