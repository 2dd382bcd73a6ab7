package io.fordra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.health.Readiness.Condition;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Not ready until the process archive is deployed, the job executor runs and the database is migrated (issue 13,
 * finding 12); until then /api answers 503 problem+json with Retry-After and the readiness probe is out of service.
 */
class ReadinessTest {

  private final Map<Condition, AtomicBoolean> holds = new EnumMap<>(Condition.class);
  private final Readiness readiness;

  ReadinessTest() {
    Map<Condition, BooleanSupplier> checks = new EnumMap<>(Condition.class);
    for (Condition condition : Condition.values()) {
      AtomicBoolean flag = new AtomicBoolean();
      holds.put(condition, flag);
      checks.put(condition, flag::get);
    }
    readiness = new Readiness(checks);
  }

  @Test
  void notReadyUntilAllThreeHold() {
    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.missing()).containsExactlyInAnyOrder(Condition.values());

    holds.get(Condition.DATABASE_MIGRATED).set(true);
    holds.get(Condition.JOB_EXECUTOR_STARTED).set(true);
    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.missing()).contains(Condition.PROCESS_ARCHIVE_DEPLOYED);

    holds.get(Condition.PROCESS_ARCHIVE_DEPLOYED).set(true);
    holds.get(Condition.JOB_EXECUTOR_STARTED).set(false);
    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.missing()).containsExactly(Condition.JOB_EXECUTOR_STARTED, Condition.DATABASE_MIGRATED);

    holds.get(Condition.JOB_EXECUTOR_STARTED).set(true);
    assertThat(readiness.isReady()).isTrue();
    assertThat(readiness.missing()).isEmpty();
  }

  @Test
  void eachConditionAloneIsNotEnough() {
    for (Condition only : Condition.values()) {
      Map<Condition, BooleanSupplier> checks = new EnumMap<>(Condition.class);
      for (Condition condition : Condition.values()) {
        checks.put(condition, () -> condition == only);
      }
      Readiness fresh = new Readiness(checks);
      assertThat(fresh.isReady()).as(only.name()).isFalse();
      assertThat(fresh.missing()).as(only.name()).isNotEmpty();
    }
  }

  @Test
  void onceReadyStaysReady() {
    holds.values().forEach(h -> h.set(true));
    assertThat(readiness.isReady()).isTrue();
    holds.values().forEach(h -> h.set(false));
    assertThat(readiness.isReady()).isTrue();
  }

  @Test
  void aCheckForEveryConditionIsNeeded() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Readiness(Map.of(
        Condition.PROCESS_ARCHIVE_DEPLOYED, () -> true))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApiAnswers503WithRetryAfterWhileNotReady() throws Exception {
    holds.get(Condition.DATABASE_MIGRATED).set(true);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/invoices");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    new NotReadyFilter(readiness).doFilter(request, response, chain);

    assertThat(chain.getRequest()).as("the request went no further").isNull();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(response.getContentAsByteArray());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("title").asText()).isEqualTo("Service Unavailable");
    assertThat(problem.path("detail").asText()).contains("starting");
  }

  @Test
  void theApiPassesOnceReady() throws Exception {
    holds.values().forEach(h -> h.set(true));
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/invoices");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    new NotReadyFilter(readiness).doFilter(request, response, chain);

    assertThat(chain.getRequest()).isSameAs(request);
    assertThat(response.getHeader("Retry-After")).isNull();
  }

  @Test
  void theReadinessProbeIsOutOfServiceUntilReady() {
    FordraReadinessHealthIndicator indicator = new FordraReadinessHealthIndicator(readiness);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    holds.values().forEach(h -> h.set(true));
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void theFilterGuardsTheApiOnly() {
    var registration = new ReadinessConfiguration().notReadyFilter(readiness);
    assertThat(registration.getUrlPatterns()).containsExactly("/api/*");
  }
}
