package io.fordra.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portal sessions as signed cookies, so that any node of a cluster serves any request and nothing is kept in a node's
 * memory (DESIGN.md "Scale"). The cookie holds the user id, when it was issued and a random nonce, signed with
 * HMAC-SHA256 under a key kept in fordra_portal_key (made once, shared by every node). A cookie is honoured only while
 * it is younger than fordra.portal.session-timeout, its user is enabled and it was issued after the user's last
 * logout. The CSRF token of a session is HMAC("csrf:" + nonce); before login, a separate random cookie gives the
 * login form its token.
 */
@Component
class PortalSessions {

  public static final String SESSION_COOKIE = "FORDRA_PORTAL";
  public static final String LOGIN_COOKIE = "FORDRA_PORTAL_LOGIN";
  public static final String LANGUAGE_COOKIE = "FORDRA_PORTAL_LANG";
  public static final String PATH = "/portal";

  /** A verified session cookie. */
  public record Session(long userId, Instant issuedAt, String nonce) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Duration timeout;
  private volatile byte[] key;

  public PortalSessions(JdbcClient jdbc, @Value("${fordra.portal.session-timeout:PT8H}") Duration timeout) {
    this.jdbc = jdbc;
    this.timeout = timeout;
  }

  /** Issues a new session for the user (a fresh nonce: a session id from before login is never reused). */
  public void start(long userId, HttpServletRequest request, HttpServletResponse response) {
    String payload = userId + "." + Instant.now().toEpochMilli() + "." + randomToken();
    set(response, request, SESSION_COOKIE, payload + "." + sign(payload), timeout);
    set(response, request, LOGIN_COOKIE, "", Duration.ZERO);
  }

  public void end(HttpServletRequest request, HttpServletResponse response) {
    set(response, request, SESSION_COOKIE, "", Duration.ZERO);
  }

  /** The session the request carries, if its signature holds and it has not expired (the user is not checked). */
  public Optional<Session> session(HttpServletRequest request) {
    String value = cookie(request, SESSION_COOKIE);
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[3].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      if (issued.plus(timeout).isBefore(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(new Session(Long.parseLong(parts[0]), issued, parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String csrfToken(Session session) {
    return sign("csrf:" + session.nonce());
  }

  /** The login form's CSRF token; sets the pre-login cookie it is bound to when there is none yet. */
  public String loginToken(HttpServletRequest request, HttpServletResponse response) {
    String nonce = cookie(request, LOGIN_COOKIE);
    if (nonce == null || nonce.isEmpty()) {
      nonce = randomToken();
      set(response, request, LOGIN_COOKIE, nonce, Duration.ofHours(2));
    }
    return sign("login:" + nonce);
  }

  /** Whether the login form's token belongs to the pre-login cookie the request carries. */
  public boolean validLoginToken(HttpServletRequest request, String token) {
    String nonce = cookie(request, LOGIN_COOKIE);
    return nonce != null && !nonce.isEmpty() && token != null && MessageDigest.isEqual(
        sign("login:" + nonce).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }

  public static boolean sameToken(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        actual.getBytes(StandardCharsets.US_ASCII));
  }

  public void rememberLanguage(HttpServletRequest request, HttpServletResponse response, String language) {
    set(response, request, LANGUAGE_COOKIE, language, Duration.ofDays(365));
  }

  public static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  private static void set(HttpServletResponse response, HttpServletRequest request, String name, String value,
                          Duration maxAge) {
    ResponseCookie cookie = ResponseCookie.from(name, value).path(request.getContextPath() + PATH).httpOnly(true)
        .secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build();
    response.addHeader("Set-Cookie", cookie.toString());
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The signing key: made by the first node that needs it, then read by all. */
  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      Optional<String> stored = jdbc.sql("SELECT secret FROM fordra_portal_key WHERE id = 1").query(String.class).optional();
      if (stored.isEmpty()) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try {
          jdbc.sql("INSERT INTO fordra_portal_key (id, secret, created_at) VALUES (1, ?, ?)")
              .params(Base64.getEncoder().encodeToString(fresh), OffsetDateTime.now(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
          // Another node made it at the same moment: theirs is read below.
        }
        stored = jdbc.sql("SELECT secret FROM fordra_portal_key WHERE id = 1").query(String.class).optional();
      }
      k = Base64.getDecoder().decode(stored.orElseThrow());
      key = k;
    }
    return k;
  }

  private static String randomToken() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
