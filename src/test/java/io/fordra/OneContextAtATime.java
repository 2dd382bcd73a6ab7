package io.fordra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * Keeps at most one Fordra context alive in the test JVM. Camunda's process application registry, the webapps and
 * the engine clock are JVM-wide, so before a class needs a context other than the cached one, the cached one is closed
 * and its in-memory H2 database dropped (the next context starts on an empty database, as in a fresh JVM).
 * Classes that share a configuration share the context (Spring's context cache); SpringContextGroups runs them
 * together. After each class its running process instances are deleted and timer start events rescheduled from the
 * real clock, so a class that moves the clock does not fire another class's timers; Fordra's tables keep their rows, so a test reads its own invoices, not totals over all.
 * Registered in META-INF/spring.factories.
 */
public class OneContextAtATime implements TestExecutionListener, Ordered {

  private static MergedContextConfiguration current;

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    MergedContextConfiguration next =
        BootstrapUtils.resolveTestContextBootstrapper(testContext.getTestClass()).buildMergedContextConfiguration();
    if (current != null && !current.equals(next)) {
      close(current);
    }
    current = next;
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return; // closed by @DirtiesContext
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(engine -> {
      RuntimeService runtime = engine.getRuntimeService();
      List<String> running = runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
          .map(ProcessInstance::getId).toList();
      if (!running.isEmpty()) {
        runtime.deleteProcessInstances(running, "test class " + testContext.getTestClass().getSimpleName() + " ended",
            true, true, false);
      }
      // A timer start event (monthly interest, month-end close) that fired at a test's date would be due again at
      // once for the next class's earlier date: it is due next from the real clock again, as after a fresh start.
      ClockUtil.reset();
      ManagementService management = engine.getManagementService();
      management.createJobQuery().timers().list().stream().filter(job -> job.getProcessInstanceId() == null)
          .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
    });
  }

  private static void close(MergedContextConfiguration configuration) {
    DefaultCacheAwareContextLoaderDelegate cache = new DefaultCacheAwareContextLoaderDelegate();
    if (!cache.isContextLoaded(configuration)) {
      return; // @DirtiesContext closed it already
    }
    ApplicationContext context = cache.loadContext(configuration);
    String url = context.getEnvironment().getProperty("spring.datasource.url", "");
    cache.closeContext(configuration, DirtiesContext.HierarchyMode.EXHAUSTIVE);
    if (url.startsWith("jdbc:h2:mem:")) {
      dropInMemoryDatabase(url);
    }
  }

  private static void dropInMemoryDatabase(String url) {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the test database " + url, e);
    }
  }
}
