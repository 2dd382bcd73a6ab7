package io.fordra.health;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * Readiness from what Fordra needs before it answers: Camunda's PostDeployEvent (the process archive is deployed),
 * the job executor running (where this node runs one) and no pending Flyway migration.
 */
@Configuration
class ReadinessConfiguration {

  private final AtomicBoolean processArchiveDeployed = new AtomicBoolean();

  @EventListener
  public void processArchiveDeployed(PostDeployEvent event) {
    processArchiveDeployed.set(true);
  }

  @Bean
  Readiness readiness(ObjectProvider<JobExecutor> jobExecutor, ObjectProvider<Flyway> flyway) {
    return new Readiness(Map.of(
        Readiness.Condition.PROCESS_ARCHIVE_DEPLOYED, processArchiveDeployed::get,
        // camunda.bpm.job-execution.enabled=false: no job executor bean, nothing to wait for.
        Readiness.Condition.JOB_EXECUTOR_STARTED, () -> {
          JobExecutor executor = jobExecutor.getIfAvailable();
          return executor == null || executor.isActive();
        },
        Readiness.Condition.DATABASE_MIGRATED, () -> {
          Flyway migrations = flyway.getIfAvailable();
          return migrations == null || migrations.info().pending().length == 0;
        }));
  }

  @Bean
  FordraReadinessHealthIndicator fordraReadinessHealthIndicator(Readiness readiness) {
    return new FordraReadinessHealthIndicator(readiness);
  }

  @Bean
  FilterRegistrationBean<NotReadyFilter> notReadyFilter(Readiness readiness) {
    FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(new NotReadyFilter(readiness));
    registration.addUrlPatterns("/api/*");
    registration.setName("fordra-not-ready");
    // Before authentication and everything else of /api: nothing behind it can work yet.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
