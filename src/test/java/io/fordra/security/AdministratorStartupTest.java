package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.fordra.FordraApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * The configured administrator wins at start-up (issue 13, finding 3): Fordra is started several times on one H2 data
 * folder, as an operator would, first without FORDRA_ADMIN_* (admin/admin), then with them.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorStartupTest {

  private static final String SECRET = "Configured-Secret-13";
  private static final String ADMIN_ADMIN_CREATED = "Fordra created the user admin/admin";
  private static final String PASSWORD_SET = "Administrator admin: password set from FORDRA_ADMIN_PASSWORD";

  @TempDir Path data;

  @Test
  void configuredPasswordReplacesAdminAdmin(CapturedOutput output) throws Exception {
    Log log = new Log(output);
    try (Fordra first = start()) {
      assertThat(first.identity().checkPassword("admin", "admin")).isTrue();
    }
    assertThat(log.newLines(ADMIN_ADMIN_CREATED)).isPositive();

    try (Fordra second = start("admin", SECRET)) {
      assertThat(second.identity().checkPassword("admin", "admin")).as("admin/admin after the restart").isFalse();
      assertThat(second.identity().checkPassword("admin", SECRET)).as("the configured password").isTrue();
      assertIsAdministrator(second.identity(), "admin");
    }
    assertThat(log.newLines(PASSWORD_SET)).isPositive();
    assertThat(log.newLines(ADMIN_ADMIN_CREATED)).isZero();

    try (Fordra third = start("admin", SECRET)) {
      assertThat(third.identity().checkPassword("admin", SECRET)).isTrue();
      assertThat(log.newLines("Administrator admin: password unchanged")).isPositive();
      assertThat(log.newLines(PASSWORD_SET)).isZero();

      twoNodesSetUpTheAdministratorAtOnce(third, "admin");
    }
    assertThat(output.getOut()).doesNotContain(SECRET);
  }

  @Test
  void anotherConfiguredAdministratorRetiresAdminAdmin(CapturedOutput output) {
    Log log = new Log(output);
    try (Fordra first = start()) {
      assertThat(first.identity().checkPassword("admin", "admin")).isTrue();
    }
    assertThat(log.newLines(ADMIN_ADMIN_CREATED)).isPositive();

    try (Fordra second = start("ops", SECRET)) {
      assertThat(second.identity().checkPassword("ops", SECRET)).isTrue();
      assertThat(second.identity().checkPassword("admin", "admin")).as("admin/admin beside ops").isFalse();
      assertIsAdministrator(second.identity(), "ops");
      assertThat(second.identity().createUserQuery().userId("admin").count())
          .as("admin is kept (its history and tasks), with a random password").isEqualTo(1);
    }
    assertThat(log.newLines("Administrator ops created from FORDRA_ADMIN_USER")).isPositive();
    assertThat(log.newLines("The user admin still had the password admin: it now has a random password"))
        .isPositive();

    // Without FORDRA_ADMIN_* again: the data folder has users, so no admin/admin comes back.
    try (Fordra third = start()) {
      assertThat(third.identity().checkPassword("admin", "admin")).isFalse();
      assertThat(third.identity().checkPassword("ops", SECRET)).isTrue();
    }
    assertThat(log.newLines(ADMIN_ADMIN_CREATED)).isZero();
    assertThat(log.newLines("FORDRA_ADMIN_USER is not set and the database has users: no administrator is created"))
        .isPositive();
    assertThat(output.getOut()).doesNotContain(SECRET);
  }

  /**
   * Nodes sharing one database may start at the same moment: two threads set up the administrator at once, after it
   * was deleted (both try to create it and its memberships); neither fails.
   */
  private static void twoNodesSetUpTheAdministratorAtOnce(Fordra node, String user) throws Exception {
    AdministratorAccount account = node.context().getBean(AdministratorAccount.class);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        node.identity().deleteUser(user);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Void> start = () -> {
          together.await();
          account.setUp();
          return null;
        };
        for (Future<Void> done : nodes.invokeAll(List.of(start, start))) {
          assertThatNoException().as("round " + round).isThrownBy(done::get);
        }
        assertThat(node.identity().checkPassword(user, SECRET)).isTrue();
        assertIsAdministrator(node.identity(), user);
      }
    } finally {
      nodes.shutdown();
    }
  }

  private static void assertIsAdministrator(IdentityService identity, String user) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    assertThat(groups).contains(Groups.CAMUNDA_ADMIN).containsAll(IdentityBootstrap.GROUPS);
  }

  /**
   * What the log said since the last look. Counts occurrences: the captured output may hold a line more than once
   * (one capture per JUnit level), but a line not logged since the last look adds none.
   */
  private static final class Log {
    private final CapturedOutput output;
    private final Map<String, Integer> seen = new HashMap<>();

    Log(CapturedOutput output) {
      this.output = output;
    }

    int newLines(String text) {
      int now = StringUtils.countOccurrencesOf(output.getOut(), text);
      Integer before = seen.put(text, now);
      return now - (before == null ? 0 : before);
    }
  }

  private record Fordra(ConfigurableApplicationContext context) implements AutoCloseable {
    IdentityService identity() {
      return context.getBean(IdentityService.class);
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** Fordra on this test's H2 data folder; user and password as FORDRA_ADMIN_USER / _PASSWORD (none: not set). */
  private Fordra start(String... admin) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("fordra") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--fordra.mail.outbox=" + data.resolve("outbox"),
        "--fordra.einvoice.outbox=" + data.resolve("einvoice-outbox"),
        "--fordra.print.outbox=" + data.resolve("print-outbox"),
        "--fordra.print.batch-close-cron=-",
        "--fordra.payments.inbox=" + data.resolve("payments-inbox"),
        "--fordra.payments.inbox-cron=-",
        "--fordra.invoices.inbox=" + data.resolve("invoices-inbox"),
        "--fordra.invoices.inbox-cron=-"));
    if (admin.length == 2) {
      args.add("--FORDRA_ADMIN_USER=" + admin[0]);
      args.add("--FORDRA_ADMIN_PASSWORD=" + admin[1]);
    }
    return new Fordra(new SpringApplicationBuilder(FordraApplication.class).run(args.toArray(String[]::new)));
  }
}
