package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.reference.PaymentReferences;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V44 as the database runs it, the deployed policy asked through Camunda, and the instalments' references. */
abstract class PaymentPlanStoreScenario {

  @Autowired JdbcClient jdbc;
  @Autowired Flyway flyway;
  @Autowired CustomerService customers;
  @Autowired PaymentPlanPolicy policy;
  @Autowired InstalmentReferences references;
  @Autowired PaymentPlanProperties properties;

  @Test
  void v44IsApplied() {
    assertThat(java.util.Arrays.stream(flyway.info().applied())
        .filter(m -> m.getVersion() != null && m.getVersion().getVersion().equals("44")))
        .singleElement().satisfies(m -> {
          assertThat(m.getScript()).isEqualTo("V44__payment_plans.sql");
          assertThat(m.getState().isFailed()).isFalse();
        });
    for (String table : new String[] {"fordra_payment_plan", "fordra_payment_plan_invoice",
        "fordra_payment_plan_instalment"}) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).isNotNegative();
    }
  }

  @Test
  void thePlanAndItsInstalmentsAreStoredAndAReferenceIsUniqueAndAStatusChecked() {
    String customer = "PLAN-" + System.nanoTime();
    customers.create(new CustomerRequest(customer, "Plan Testsson", CustomerType.PRIVATE, false, Country.SE, null,
        "plan@example.se", null, null, false, Channel.EMAIL, null, null, null, null, null, false));
    jdbc.sql("""
        INSERT INTO fordra_payment_plan (customer_number, kind, status, fee, currency, created_at, decided_by, reason)
        VALUES (:c, 'INSTALMENTS', 'APPROVED', 170.00, 'SEK', CURRENT_TIMESTAMP, 'payment-plan-policy', 'small')""")
        .param("c", customer).update();
    long plan = jdbc.sql("SELECT id FROM fordra_payment_plan WHERE customer_number = :c").param("c", customer)
        .query(Long.class).single();
    String reference = references.next();
    jdbc.sql("""
        INSERT INTO fordra_payment_plan_instalment (plan_id, number, due_date, amount, payment_reference, status)
        VALUES (:p, 1, DATE '2026-12-20', 3000.00, :r, 'OPEN')""").param("p", plan).param("r", reference).update();
    assertThat(jdbc.sql("SELECT paid_amount FROM fordra_payment_plan_instalment WHERE payment_reference = :r")
        .param("r", reference).query(BigDecimal.class).single()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO fordra_payment_plan_instalment (plan_id, number, due_date, amount, payment_reference, status)
        VALUES (:p, 2, DATE '2027-01-20', 3000.00, :r, 'OPEN')""").param("p", plan).param("r", reference).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("UPDATE fordra_payment_plan SET status = 'LOST' WHERE id = :p")
        .param("p", plan).update()).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aReferenceSomethingAlreadyHasIsSkipped() {
    long plan = planOf("SKIP-" + System.nanoTime());
    long number = jdbc.sql("SELECT nextval('fordra_payment_plan_reference_seq')").query(Long.class).single();
    String taken = InstalmentReferences.reference(Country.SE, number + 1);
    jdbc.sql("""
        INSERT INTO fordra_payment_plan_instalment (plan_id, number, due_date, amount, payment_reference, status)
        VALUES (:p, 1, DATE '2026-12-20', 300.00, :r, 'OPEN')""").param("p", plan).param("r", taken).update();
    assertThat(references.next()).isEqualTo(InstalmentReferences.reference(Country.SE, number + 2));
  }

  @Test
  void aNorwegianSellersInstalmentsGetAKid() {
    assertThat(PaymentReferences.isValidNorwegianKid(InstalmentReferences.reference(Country.NO, 9000000001L)))
        .isTrue();
  }

  private long planOf(String customer) {
    customers.create(new CustomerRequest(customer, "Plan Testsson", CustomerType.PRIVATE, false, Country.SE, null,
        "plan@example.se", null, null, false, Channel.EMAIL, null, null, null, null, null, false));
    jdbc.sql("""
        INSERT INTO fordra_payment_plan (customer_number, kind, status, currency, created_at)
        VALUES (:c, 'INSTALMENTS', 'REQUESTED', 'SEK', CURRENT_TIMESTAMP)""").param("c", customer).update();
    return jdbc.sql("SELECT id FROM fordra_payment_plan WHERE customer_number = :c").param("c", customer)
        .query(Long.class).single();
  }

  @Test
  void instalmentReferencesAreTheSellersOcrAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String reference = references.next();
      assertThat(PaymentReferences.isValidSwedishOcr(reference)).as(reference).isTrue();
      assertThat(reference).startsWith("9");
      assertThat(seen.add(reference)).isTrue();
    }
  }

  @Test
  void theDeployedPolicyDecides() {
    assertThat(policy.decide(new PaymentPlanPolicy.Request(PlanKind.INSTALMENTS, "PRIVATE", "SE", "REMINDED",
        new BigDecimal("9000.00"), 3, 14, 0)).outcome()).isEqualTo(PaymentPlanPolicy.Outcome.AUTO_APPROVE);
    assertThat(policy.decide(new PaymentPlanPolicy.Request(PlanKind.INSTALMENTS, "BUSINESS", "SE", "REMINDED",
        new BigDecimal("9000.00"), 3, 14, 0)).outcome()).isEqualTo(PaymentPlanPolicy.Outcome.DECIDE_BY_HAND);
    PaymentPlanPolicy.Decision refused = policy.decide(new PaymentPlanPolicy.Request(PlanKind.DEFERRAL, "PRIVATE",
        "NO", "IN_COLLECTION", new BigDecimal("900.00"), 0, 0, 7));
    assertThat(refused.outcome()).isEqualTo(PaymentPlanPolicy.Outcome.REFUSE);
    assertThat(refused.reason()).contains("agency decides");
  }

  @Test
  void theConfiguredKeysAreRead() {
    assertThat(properties.maxInstalments()).isEqualTo(12);
    assertThat(properties.feeIn("SE")).isEqualTo(new BigDecimal("170.00"));
    assertThat(properties.feeIn("NO")).isEqualTo(new BigDecimal("0.00"));
    assertThat(properties.minimumInstalmentIn("EUR")).isEqualByComparingTo("30");
    assertThat(properties.maxDeferral()).isEqualTo(java.time.Period.ofDays(60));
  }
}
