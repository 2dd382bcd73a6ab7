package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.process.FordraClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The portal's users alone: no Spring, no database. The table is behind {@link PortalUserRepository} (a mock);
 * passwords are hashed by the real BCrypt at its lowest strength, so that the test stays fast.
 */
class PortalUsersTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final String PASSWORD = "correct horse battery";
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
  private static final String HASH = BCRYPT.encode(PASSWORD);

  private final PortalUserRepository users = mock(PortalUserRepository.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final NaturalKeys naturalKeys = mock(NaturalKeys.class);
  /** Locked for 15 minutes after 3 wrong passwords in a row. */
  private final PortalUsers portal = new PortalUsers(users, customers, 4, 3, Duration.ofMinutes(15), clock,
      naturalKeys);

  private final PortalUser kari = user(5L, "C-1", true, false);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void aNorwegianCustomer() {
    when(clock.now()).thenReturn(NOW);
    when(customers.get("C-1")).thenReturn(new Customer("C-1", "Fjordbåt AS", CustomerType.BUSINESS, false,
        Country.NO, "923609016", null, null, null, false, null, "nb", null, NOW, null, null, null, false));
    when(naturalKeys.claim(anyString(), any(Supplier.class)))
        .thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
  }

  @Test
  void aUserIsStoredWithANormalisedNameTheCustomersLanguageAndOnlyTheHashOfThePassword() {
    when(users.insert(anyString(), anyString(), anyString(), any(), anyString(), anyBoolean(), anyBoolean(),
        anyString(), any(), any())).thenReturn(5L);
    when(users.find(5L)).thenReturn(Optional.of(kari));

    PortalUser created = portal.create("C-1", new PortalUserRequest("  Kari.Nordmann@Firma.no ", " Kari Nordmann ",
        " ", PASSWORD, true, null, null), "fia");

    assertThat(created).isSameAs(kari);
    ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
    verify(users).insert(eq("C-1"), eq("kari.nordmann@firma.no"), eq("Kari Nordmann"), eq(null), hash.capture(),
        eq(true), eq(false), eq("nb"), any(), eq("fia"));
    assertThat(hash.getValue()).isNotEqualTo(PASSWORD).startsWith("$2a$04$");
    assertThat(BCRYPT.matches(PASSWORD, hash.getValue())).isTrue();
  }

  @Test
  void everyProblemOfARequestIsReportedAtOnceAndNothingIsStored() {
    assertThatThrownBy(() -> portal.create("C-1", new PortalUserRequest("k!", " ", "kari@", "too short", null, null,
        "de"), "fia")).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
        .extracting(Violation::field, Violation::message).containsExactly(
            tuple("username", "must be 3-100 characters: letters a-z, digits, '.', '_', '@' or '-'"),
            tuple("name", "is required"),
            tuple("email", "is not an e-mail address"),
            tuple("password", "must have at least 12 characters"),
            tuple("language", "must be sv, nb or en")));
    assertThatThrownBy(() -> portal.create("C-1", new PortalUserRequest("kari", "Kari", null, "å".repeat(37), null,
        null, null), "fia")).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
        .containsExactly(new Violation("password", "must be at most 72 bytes (UTF-8)")));
    assertThatThrownBy(() -> portal.create("C-1", new PortalUserRequest("kari", "Kari", null, " ".repeat(12), null,
        null, null), "fia")).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
        .containsExactly(new Violation("password", "must not be only spaces")));
    verify(users, never()).usernameExists(anyString());
    verify(users, never()).insert(any(), any(), any(), any(), any(), anyBoolean(), anyBoolean(), any(), any(), any());
  }

  @Test
  void aTakenUserNameIsAConflict() {
    when(users.usernameExists("kari")).thenReturn(true);

    assertThatThrownBy(() -> portal.create("C-1", new PortalUserRequest("Kari", "Kari", null, PASSWORD, null, null,
        null), "fia")).isInstanceOf(ConflictException.class).hasMessage("The user name kari is taken");
    verify(users, never()).insert(any(), any(), any(), any(), any(), anyBoolean(), anyBoolean(), any(), any(), any());
  }

  @Test
  void theRightPasswordLogsInAndClearsTheWrongOnesBefore() {
    when(users.credentials("kari")).thenReturn(Optional.of(new PortalUserRepository.Credentials(kari, HASH, 2, null)));

    assertThat(portal.authenticate(" KARI ", PASSWORD)).contains(kari);
    verify(users).loginSucceeded(5L);
  }

  @Test
  void wrongPasswordsAreCountedAndTheLastAllowedOneLocksTheUser() {
    when(users.credentials("kari")).thenReturn(Optional.of(new PortalUserRepository.Credentials(kari, HASH, 1, null)));
    assertThat(portal.authenticate("kari", "wrong password!")).isEmpty();
    verify(users).loginFailed(5L, 2, null);

    when(users.credentials("kari")).thenReturn(Optional.of(new PortalUserRepository.Credentials(kari, HASH, 2, null)));
    assertThat(portal.authenticate("kari", "wrong password!")).isEmpty();
    verify(users).loginFailed(5L, 0, Instant.parse("2026-11-03T08:15:00Z"));
  }

  @Test
  void aLockedOrDisabledUserOrAnUnknownNameIsRefusedEvenWithTheRightPassword() {
    when(users.credentials("kari")).thenReturn(Optional.of(new PortalUserRepository.Credentials(kari, HASH, 0,
        Instant.parse("2026-11-03T08:10:00Z"))));
    assertThat(portal.authenticate("kari", PASSWORD)).isEmpty();

    PortalUser disabled = new PortalUser(6L, "C-1", "ola", "Ola", null, false, false, "nb", true, NOW, NOW);
    when(users.credentials("ola")).thenReturn(Optional.of(new PortalUserRepository.Credentials(disabled, HASH, 0,
        null)));
    assertThat(portal.authenticate("ola", PASSWORD)).isEmpty();

    assertThat(portal.authenticate("nobody", PASSWORD)).isEmpty();
    assertThat(portal.authenticate(null, PASSWORD)).isEmpty();
    verify(users, never()).loginFailed(anyLong(), anyInt(), any());
    verify(users, never()).loginSucceeded(anyLong());
  }

  @Test
  void onlyTheAdministratorChangesTheCustomersOwnUsersAndNeverDisablesThemselves() {
    PortalUser ola = user(6L, "C-1", false, false);
    PortalUser otherCustomers = user(9L, "C-2", false, false);
    when(users.find(5L)).thenReturn(Optional.of(kari));
    when(users.find(6L)).thenReturn(Optional.of(ola));
    when(users.find(9L)).thenReturn(Optional.of(otherCustomers));

    assertThatThrownBy(() -> portal.disable(ola, 5L)).isInstanceOf(PortalUsers.PortalForbiddenException.class)
        .hasMessage("Only the customer's administrator may do this");
    assertThatThrownBy(() -> portal.disable(kari, 5L)).isInstanceOf(ConflictException.class)
        .hasMessage("An administrator cannot disable themselves");
    assertThatThrownBy(() -> portal.setFinancial(kari, 9L, true)).isInstanceOf(NotFoundException.class)
        .hasMessage("No portal user 9");
    verify(users, never()).disable(anyLong(), any());
    verify(users, never()).updateFinancial(anyLong(), anyBoolean());

    portal.setFinancial(kari, 6L, true);
    portal.disable(kari, 6L);
    verify(users).updateFinancial(6L, true);
    verify(users).disable(eq(6L), any());
  }

  @Test
  void aLanguageThePortalDoesNotSpeakIsIgnored() {
    portal.setLanguage(kari, "de");
    verify(users, never()).updateLanguage(anyLong(), anyString());

    portal.setLanguage(kari, "sv");
    verify(users).updateLanguage(5L, "sv");
  }

  private static PortalUser user(long id, String customer, boolean administrator, boolean financial) {
    return new PortalUser(id, customer, "user" + id, "User " + id, null, administrator, financial, "nb", false, NOW,
        NOW);
  }
}
