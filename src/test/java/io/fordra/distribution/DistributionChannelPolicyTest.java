package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.process.InvoiceDistribution;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped channel decision (processes/distribution-channel.dmn), row by row: seed 003's rules. */
class DistributionChannelPolicyTest {

  private static DmnEngine dmn;
  private static DmnDecision channelDecision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = DistributionChannelPolicyTest.class.getResourceAsStream("/processes/distribution-channel.dmn")) {
      List<DmnDecision> decisions = dmn.parseDecisions(in);
      channelDecision = decisions.stream().filter(d -> d.getKey().equals(InvoiceDistribution.CHANNEL_DECISION))
          .findFirst().orElseThrow();
      assertThat(channelDecision.getRequiredDecisions()).extracting(DmnDecision::getKey)
          .containsExactly(InvoiceDistribution.WANTED_CHANNEL_DECISION);
    }
  }

  @ParameterizedTest(name = "{0} preferred {1} (active {2}), default {3}, reserve {4}, deviation {5} after {6}, "
      + "email {7} post {8} peppol {9} mandate {10} → {11} / {12}")
  @CsvSource({
      // kind, preferred, active, default, reserve, deviation, failed, email, post, peppol, mandate, channel, notice
      // The customer's own channel where it is active and the document meets its criteria
      "INVOICE, EMAIL, true, EMAIL, PRINT, false, NONE, true, true, false, false, EMAIL, ",
      "INVOICE, PRINT, true, EMAIL, PRINT, false, NONE, true, true, false, false, PRINT, ",
      "INVOICE, EINVOICE, true, EMAIL, PRINT, false, NONE, true, true, true, false, EINVOICE, ",
      "CREDIT_NOTE, EINVOICE, true, EMAIL, PRINT, false, NONE, false, false, true, false, EINVOICE, ",
      // Preferred channel not active for the seller → the seller's default channel (seed 003 example A/B)
      "INVOICE, EMAIL, false, PRINT, EMAIL, false, NONE, true, true, false, false, PRINT, ",
      "INVOICE, EINVOICE, false, EMAIL, PRINT, false, NONE, true, true, true, false, EMAIL, ",
      // The document does not meet the channel's criteria → the reserve channel
      "INVOICE, EMAIL, true, EMAIL, PRINT, false, NONE, false, true, false, false, PRINT, ",
      "INVOICE, PRINT, true, PRINT, EMAIL, false, NONE, true, false, false, false, EMAIL, ",
      "INVOICE, EINVOICE, true, EMAIL, PRINT, false, NONE, true, true, false, false, PRINT, ",
      // … and when the reserve cannot reach them either: nobody → a case handler
      "INVOICE, EMAIL, true, EMAIL, PRINT, false, NONE, false, false, false, false, NONE, ",
      // Reminders and collection notices only by e-mail or print
      "REMINDER, EINVOICE, true, EMAIL, PRINT, false, NONE, true, true, true, false, EMAIL, ",
      "REMINDER, PRINT, true, EMAIL, PRINT, false, NONE, true, true, true, false, PRINT, ",
      "COLLECTION_NOTICE, EINVOICE, true, EINVOICE, PRINT, false, NONE, true, true, true, false, EMAIL, ",
      "REMINDER, EMAIL, true, EMAIL, EINVOICE, false, NONE, false, false, true, false, NONE, ",
      // A payment plan's letters go as reminders do: no e-invoice, eFaktura or direct debit; the digital mailbox yes
      "PAYMENT_PLAN, EINVOICE, true, EMAIL, PRINT, false, NONE, true, true, true, false, EMAIL, ",
      "PAYMENT_PLAN, EFAKTURA, true, EMAIL, PRINT, false, NONE, true, true, false, false, EMAIL, ",
      "INSTALMENT_REMINDER, EFAKTURA, true, PRINT, EMAIL, false, NONE, true, true, false, false, PRINT, ",
      "PAYMENT_PLAN_BROKEN, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, true, true, false, true, EMAIL, ",
      "PAYMENT_PLAN_REFUSED, PRINT, true, EMAIL, PRINT, false, NONE, true, true, false, false, PRINT, ",
      "PAYMENT_PLAN, DIGITAL_MAILBOX, true, EMAIL, PRINT, false, NONE, true, true, false, false, DIGITAL_MAILBOX, ",
      "INSTALMENT_REMINDER, EINVOICE, true, EINVOICE, PRINT, false, NONE, false, true, true, false, PRINT, ",
      // Direct debit: the invoice is debited, the notice goes by e-mail or post; reminders go as letters
      "INVOICE, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, true, true, false, true, DIRECT_DEBIT, EMAIL",
      "INVOICE, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, false, true, false, true, DIRECT_DEBIT, PRINT",
      "INVOICE, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, true, true, false, false, PRINT, ",
      "INVOICE, DIRECT_DEBIT, false, EMAIL, PRINT, false, NONE, true, true, false, true, EMAIL, ",
      "REMINDER, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, true, true, false, true, EMAIL, ",
      "CREDIT_NOTE, DIRECT_DEBIT, true, EMAIL, PRINT, false, NONE, true, true, false, true, EMAIL, ",
      // After a bounce: the reserve channel, never the one that failed
      "INVOICE, EMAIL, true, EMAIL, PRINT, true, EMAIL, true, true, false, false, PRINT, ",
      "INVOICE, PRINT, true, EMAIL, PRINT, true, PRINT, true, true, false, false, NONE, ",
      "INVOICE, EINVOICE, true, EINVOICE, EMAIL, true, EINVOICE, true, true, true, false, EMAIL, ",
      "INVOICE, DIRECT_DEBIT, true, EMAIL, PRINT, true, DIRECT_DEBIT, true, true, false, true, PRINT, ",
      "INVOICE, EMAIL, true, EMAIL, EMAIL, true, EMAIL, true, true, false, false, NONE, ",
  })
  void decides(String kind, String preferred, boolean active, String defaultChannel, String reserve,
               boolean deviation, String failed, boolean email, boolean post, boolean peppol, boolean mandate,
               String channel, String notice) {
    VariableMap facts = Variables.createVariables()
        .putValue(InvoiceDistribution.Facts.DOCUMENT_KIND.name(), kind)
        .putValue(InvoiceDistribution.Facts.PREFERRED_CHANNEL.name(), preferred)
        .putValue(InvoiceDistribution.Facts.PREFERRED_ACTIVE.name(), active)
        .putValue(InvoiceDistribution.Facts.DEFAULT_CHANNEL.name(), defaultChannel)
        .putValue(InvoiceDistribution.Facts.RESERVE_CHANNEL.name(), reserve)
        .putValue(InvoiceDistribution.Facts.AFTER_DEVIATION.name(), deviation)
        .putValue(InvoiceDistribution.Facts.EXCLUDED_CHANNEL.name(), failed)
        .putValue(InvoiceDistribution.Facts.HAS_EMAIL.name(), email)
        .putValue(InvoiceDistribution.Facts.HAS_POSTAL_ADDRESS.name(), post)
        .putValue(InvoiceDistribution.Facts.HAS_ELECTRONIC_ADDRESS.name(), peppol)
        .putValue(InvoiceDistribution.Facts.HAS_DIRECT_DEBIT_MANDATE.name(), mandate);
    DmnDecisionResultEntries result = dmn.evaluateDecision(channelDecision, facts).getSingleResult();
    assertThat((String) result.get("channel")).isEqualTo(channel);
    assertThat((String) result.get("noticeChannel")).isEqualTo(notice);
    assertThat((String) result.get("reason")).isNotBlank();
  }
}
