package io.fordra.portal;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer users of the portal: created by staff (REST) or by the customer's own administrator (portal), their
 * financial permission, disabling, and the password check at login. Passwords are stored as BCrypt hashes only.
 */
@Service
public class PortalUsers {

  public static final Set<String> LANGUAGES = Set.of("sv", "nb", "en");
  public static final int MIN_PASSWORD_LENGTH = 12;
  /** BCrypt reads at most 72 bytes of a password: a longer one would be cut silently. */
  public static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,100}");

  private final PortalUserRepository users;
  private final CustomerService customers;
  private final BCryptPasswordEncoder encoder;
  /** Compared against when the user name is unknown, so that a wrong name takes as long as a wrong password. */
  private final String dummyHash;

  private final int maxFailedLogins;
  private final java.time.Duration lockout;
  private final io.fordra.process.FordraClock clock;
  private final NaturalKeys naturalKeys;

  public PortalUsers(PortalUserRepository users, CustomerService customers,
                     @Value("${fordra.portal.bcrypt-strength:12}") int strength,
                     @Value("${fordra.portal.max-failed-logins:5}") int maxFailedLogins,
                     @Value("${fordra.portal.lockout:PT15M}") java.time.Duration lockout,
                     io.fordra.process.FordraClock clock, NaturalKeys naturalKeys) {
    this.naturalKeys = naturalKeys;
    this.maxFailedLogins = maxFailedLogins;
    this.lockout = lockout;
    this.clock = clock;
    this.users = users;
    this.customers = customers;
    this.encoder = new BCryptPasswordEncoder(strength);
    this.dummyHash = encoder.encode("not a password of anyone");
  }

  @Transactional
  public PortalUser create(String customerNumber, PortalUserRequest r, String createdBy) {
    Customer customer = customers.get(customerNumber);
    Violations v = new Violations();
    String username = r.username() == null ? null : r.username().strip().toLowerCase(Locale.ROOT);
    if (v.text("username", username, 100) && !USERNAME.matcher(username).matches()) {
      v.add("username", "must be 3-100 characters: letters a-z, digits, '.', '_', '@' or '-'");
    }
    v.text("name", r.name(), 200);
    v.email("email", r.email(), false);
    if (r.password() == null || r.password().isEmpty()) {
      v.add("password", "is required");
    } else if (r.password().codePointCount(0, r.password().length()) < MIN_PASSWORD_LENGTH) {
      v.add("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
    } else if (r.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      v.add("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
    } else if (r.password().isBlank()) {
      v.add("password", "must not be only spaces");
    }
    if (r.language() != null && !LANGUAGES.contains(r.language())) {
      v.add("language", "must be sv, nb or en");
    }
    v.throwIfAny();
    if (users.usernameExists(username)) {
      throw new ConflictException("The user name " + username + " is taken");
    }
    String language = r.language() != null ? r.language()
        : LANGUAGES.contains(customer.language()) ? customer.language() : "en";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String hash = encoder.encode(r.password());
    long id = naturalKeys.claim("The user name " + username + " is taken", () -> users.insert(
        customer.customerNumber(), username, r.name().strip(),
        r.email() == null || r.email().isBlank() ? null : r.email().strip(), hash,
        Boolean.TRUE.equals(r.administrator()), Boolean.TRUE.equals(r.financial()), language, now, createdBy));
    return users.find(id).orElseThrow();
  }

  public List<PortalUser> ofCustomer(String customerNumber) {
    customers.get(customerNumber);
    return users.ofCustomer(customerNumber);
  }

  public Optional<PortalUser> find(long id) {
    return users.find(id);
  }

  /** The user of the customer, or 404 (another customer's user is as absent as a missing one). */
  public PortalUser ofCustomer(String customerNumber, long id) {
    return users.find(id).filter(u -> u.customerNumber().equals(customerNumber))
        .orElseThrow(() -> new NotFoundException("No portal user " + id));
  }

  /**
   * The active user with this name and password, if any. Always spends one BCrypt check. After
   * fordra.portal.max-failed-logins wrong passwords in a row the user is locked for fordra.portal.lockout: even the
   * right password is refused until then.
   */
  @Transactional
  public Optional<PortalUser> authenticate(String username, String password) {
    if (username == null || password == null) {
      encoder.matches("", dummyHash);
      return Optional.empty();
    }
    Optional<PortalUserRepository.Credentials> found = users.credentials(username.strip().toLowerCase(Locale.ROOT));
    boolean matches = encoder.matches(password, found.map(PortalUserRepository.Credentials::passwordHash)
        .orElse(dummyHash));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PortalUserRepository.Credentials credentials = found.get();
    java.time.Instant now = clock.now();
    if (credentials.lockedUntil() != null && now.isBefore(credentials.lockedUntil())) {
      return Optional.empty();
    }
    if (!matches) {
      int failed = credentials.failedLogins() + 1;
      boolean lock = failed >= maxFailedLogins;
      users.loginFailed(credentials.user().id(), lock ? 0 : failed, lock ? now.plus(lockout) : null);
      return Optional.empty();
    }
    if (credentials.failedLogins() > 0 || credentials.lockedUntil() != null) {
      users.loginSucceeded(credentials.user().id());
    }
    return credentials.user().disabled() ? Optional.empty() : Optional.of(credentials.user());
  }

  @Transactional
  public void setFinancial(PortalUser administrator, long userId, boolean financial) {
    requireAdministrator(administrator);
    PortalUser user = ofCustomer(administrator.customerNumber(), userId);
    users.updateFinancial(user.id(), financial);
  }

  @Transactional
  public void disable(PortalUser administrator, long userId) {
    requireAdministrator(administrator);
    PortalUser user = ofCustomer(administrator.customerNumber(), userId);
    if (user.id() == administrator.id()) {
      throw new ConflictException("An administrator cannot disable themselves");
    }
    users.disable(user.id(), Instant.now());
  }

  public void setLanguage(PortalUser user, String language) {
    if (LANGUAGES.contains(language)) {
      users.updateLanguage(user.id(), language);
    }
  }

  /** Logout: every session cookie the user holds is void from now on. */
  public void logout(PortalUser user) {
    users.voidSessions(user.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static void requireAdministrator(PortalUser user) {
    if (!user.administrator()) {
      throw new PortalForbiddenException();
    }
  }

  /** A portal user tried what only the customer's administrator may do (403). */
  public static class PortalForbiddenException extends RuntimeException {
    public PortalForbiddenException() {
      super("Only the customer's administrator may do this");
    }
  }
}
