package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fordra.FordraTestContext;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords lock a staff user for a while, never for good (issue 13, finding 4): after 5 wrong passwords in a
 * row the user is locked for 15 minutes on every path that checks a staff password (/api and /engine-rest HTTP Basic,
 * the Camunda webapp login), the administrator included. Time moves with the engine clock.
 */
@FordraTestContext
class LoginLockoutTest {

  private static final String PASSWORD = "Right-Password-13";
  private static final Duration LOCKOUT = Duration.ofMinutes(15);

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  private final List<String> users = new ArrayList<>();
  private final Logger securityLog = (Logger) LoggerFactory.getLogger("io.fordra.security");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Date now;

  @BeforeEach
  void clockAndLog() {
    now = new Date();
    ClockUtil.setCurrentTime(now);
    log.start();
    securityLog.addAppender(log);
  }

  @AfterEach
  void cleanUp() {
    securityLog.detachAppender(log);
    users.forEach(identity::deleteUser);
    identity.unlockUser("admin");
    ClockUtil.reset();
  }

  @Test
  void fiveWrongPasswordsInARowLockTheUserForTheLockout() {
    String user = newCaseHandler();
    for (int i = 0; i < 4; i++) {
      assertThat(api(user, "wrong-" + i).status()).isEqualTo(401);
    }
    assertThat(api(user, PASSWORD).status()).as("4 wrong passwords do not lock").isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(api(user, "wrong-" + i).status()).isEqualTo(401);
    }
    assertThat(api(user, PASSWORD).status()).as("the right password reset the count").isEqualTo(200);

    Reply wrong = null;
    for (int i = 0; i < 5; i++) {
      wrong = api(user, "wrong-" + i);
      assertThat(wrong.status()).isEqualTo(401);
    }
    Reply locked = api(user, PASSWORD);
    assertThat(locked).as("locked: the right password gets what a wrong one gets").isEqualTo(wrong);

    advance(LOCKOUT.minusSeconds(1));
    assertThat(api(user, PASSWORD).status()).as("still locked").isEqualTo(401);
    advance(Duration.ofSeconds(2));
    assertThat(api(user, PASSWORD).status()).as("after the lockout").isEqualTo(200);

    assertLocksLogged(user, 1);
  }

  @Test
  void theWebappLoginAndTheApiCountTheSameTries() {
    String user = newCaseHandler();
    for (int i = 0; i < 3; i++) {
      assertThat(webappLogin(user, "wrong-" + i)).isEqualTo(401);
    }
    assertThat(api(user, "wrong-3").status()).isEqualTo(401);
    assertThat(engineRest(user, "wrong-4").status()).isEqualTo(401);

    assertThat(webappLogin(user, PASSWORD)).as("Tasklist login while locked").isEqualTo(401);
    assertThat(api(user, PASSWORD).status()).as("/api while locked").isEqualTo(401);
    advance(LOCKOUT.plusSeconds(1));
    assertThat(webappLogin(user, PASSWORD)).as("Tasklist login after the lockout").isEqualTo(200);

    assertLocksLogged(user, 1);
  }

  /** Today's engine locks a user for good after 10 wrong passwords spaced past its throttle: admin included. */
  @Test
  void manyWrongPasswordsSpacedPastTheLockoutNeverLockTheAdministratorForGood() {
    for (int i = 0; i < 30; i++) {
      assertThat(engineRest("admin", "guess-" + i).status()).isEqualTo(401);
      advance(LOCKOUT.plusMinutes(1));
    }

    assertThat(engineRest("admin", "admin").status()).isEqualTo(200);
    assertThat(api("admin", "admin").status()).isEqualTo(200);
    assertLocksLogged("admin", 6);
  }

  @Test
  void theAdministratorIsLockedForTheLockoutOnEveryPath() {
    for (int i = 0; i < 5; i++) {
      assertThat(engineRest("admin", "guess-" + i).status()).isEqualTo(401);
    }

    assertThat(engineRest("admin", "admin").status()).isEqualTo(401);
    assertThat(api("admin", "admin").status()).isEqualTo(401);
    assertThat(webappLogin("admin", "admin")).isEqualTo(401);
    advance(LOCKOUT.plusSeconds(1));
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
    assertThat(api("admin", "admin").status()).isEqualTo(200);
    assertLocksLogged("admin", 1);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void advance(Duration duration) {
    now = new Date(now.getTime() + duration.toMillis());
    ClockUtil.setCurrentTime(now);
  }

  /** Each lock is one WARN naming the user and the end of the lock; no password tried is logged. */
  private void assertLocksLogged(String user, int locks) {
    List<ILoggingEvent> lockEvents = log.list.stream()
        .filter(e -> e.getFormattedMessage().startsWith("User " + user + " is locked until ")).toList();
    assertThat(lockEvents).hasSize(locks).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("wrong-") || m.contains("guess-") || m.contains(PASSWORD));
  }

  private String newCaseHandler() {
    String id = "lock-test-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "case-handlers");
    users.add(id);
    return id;
  }

  record Reply(int status, String wwwAuthenticate, String body) {}

  private Reply api(String user, String password) {
    return get("/api/invoices", user, password);
  }

  private Reply engineRest(String user, String password) {
    return get("/engine-rest/engine/" + engine.getName() + "/process-definition", user, password);
  }

  private Reply get(String path, String user, String password) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request);
    return new Reply(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
        response.body());
  }

  /** Logs in to Tasklist as the browser does (CSRF cookie first, then the login form with its token). */
  private int webappLogin(String user, String password) {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine.getName()
            + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build();
    return send(client, login).statusCode();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
