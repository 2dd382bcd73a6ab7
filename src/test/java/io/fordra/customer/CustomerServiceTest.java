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
  private final CustomerService service = new CustomerService(customers, clock,
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
    verify(customers, never()).exists(anyString());
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
    when(customers.exists("C-1")).thenReturn(true);

    assertThatThrownBy(() -> service.create(valid("C-1"))).isInstanceOf(ConflictException.class)
        .hasMessage("Customer C-1 already exists");
    verify(customers, never()).insert(any());
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
    Customer after = customer("C-1", CustomerType.BUSINESS);
    when(customers.find("C-1")).thenReturn(Optional.of(before), Optional.of(after));

    Customer corrected = service.correctContact("C-1", " ny@exempel.se ",
        new Customer.Address(" Nygatan 2", "222 33 ", "Lund", null));

    assertThat(corrected).isSameAs(after);
    verify(customers).updateInvoiceEmail("C-1", "ny@exempel.se");
    verify(customers).updateAddress("C-1", new Customer.Address("Nygatan 2", "222 33", "Lund", "SE"));
  }

  @Test
  void aCorrectionThatBreaksARuleChangesNothing() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));

    assertThatThrownBy(() -> service.correctContact("C-1", "no-at-sign",
        new Customer.Address("Storgata 1", "111 22", "Oslo", "NO")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("invoiceEmail", "is not an e-mail address"),
            new Violation("address.postalCode", "is not a valid NO postal code (NNNN)")));
    verify(customers, never()).updateInvoiceEmail(anyString(), anyString());
    verify(customers, never()).updateAddress(anyString(), any());
  }

  @Test
  void onlyTheGivenDetailIsCorrected() {
    when(customers.find("C-1")).thenReturn(Optional.of(customer("C-1", CustomerType.BUSINESS)));

    service.correctContact("C-1", null, new Customer.Address("Nygatan 2", "22233", "Lund", "SE"));

    verify(customers).updateAddress("C-1", new Customer.Address("Nygatan 2", "22233", "Lund", "SE"));
    verify(customers, never()).updateInvoiceEmail(anyString(), anyString());
  }

  private static CustomerRequest valid(String customerNumber) {
    return new CustomerRequest(customerNumber, "Exempel AB", CustomerType.BUSINESS, null, Country.SE, "556677-8899",
        "info@exempel.se", null, null, null, null, null, null);
  }

  private static Customer customer(String customerNumber, CustomerType type) {
    return new Customer(customerNumber, "Exempel AB", type, false, Country.SE, "556677-8899", "info@exempel.se",
        null, new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false, Channel.EMAIL, "sv", null,
        NOW, null, null, null, false);
  }
}
