package io.fordra.distribution.efaktura;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.process.InvoiceDistribution;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EFAKTURA rows of the shipped channel decision (processes/distribution-channel.dmn): only invoices go by
 * eFaktura; reminders and collection notices by e-mail or print, credit notes by e-mail; after the register said no,
 * the reserve channel.
 */
class EFakturaChannelPolicyTest {

  private static DmnEngine dmn;
  private static DmnDecision channelDecision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = EFakturaChannelPolicyTest.class.getResourceAsStream("/processes/distribution-channel.dmn")) {
      channelDecision = dmn.parseDecisions(in).stream()
          .filter(d -> d.getKey().equals(InvoiceDistribution.CHANNEL_DECISION)).findFirst().orElseThrow();
    }
  }

  @ParameterizedTest(name = "{0} preferred {1} (active {2}), default {3}, reserve {4}, deviation {5} after {6}, "
      + "email {7} post {8} → {9}: {10}")
  @CsvSource({
      // kind, preferred, active, default, reserve, deviation, failed, email, post, channel, reason
      "INVOICE, EFAKTURA, true, EMAIL, PRINT, false, NONE, true, true, EFAKTURA, the customer's channel",
      "INVOICE, EFAKTURA, true, EMAIL, PRINT, false, NONE, false, false, EFAKTURA, the customer's channel",
      "INVOICE, EFAKTURA, false, EMAIL, PRINT, false, NONE, true, true, EMAIL, default channel: the customer's channel is not active",
      // The register said no (Send eFaktura's boundary): the reserve channel, never eFaktura again
      "INVOICE, EFAKTURA, true, EMAIL, PRINT, true, EFAKTURA, true, true, PRINT, reserve channel",
      "INVOICE, EFAKTURA, true, EMAIL, EMAIL, true, EFAKTURA, true, true, EMAIL, reserve channel",
      "INVOICE, EFAKTURA, true, EMAIL, PRINT, true, EFAKTURA, true, false, NONE, no channel reaches the customer",
      // Reminders and collection notices: e-mail or print (the issuer service takes document type INVOICE only)
      "REMINDER, EFAKTURA, true, EMAIL, PRINT, false, NONE, true, true, EMAIL, default channel: reminders go only by e-mail or print",
      "REMINDER, EFAKTURA, true, PRINT, EMAIL, false, NONE, true, true, PRINT, default channel: reminders go only by e-mail or print",
      "REMINDER, EFAKTURA, true, EMAIL, PRINT, false, NONE, false, true, PRINT, reserve channel",
      "COLLECTION_NOTICE, EFAKTURA, true, EINVOICE, PRINT, false, NONE, true, true, EMAIL, reminders go only by e-mail or print",
      // A credit note of an eFaktura invoice goes by e-mail, else by the reserve channel
      "CREDIT_NOTE, EFAKTURA, true, EMAIL, PRINT, false, NONE, true, true, EMAIL, only the invoice itself goes by eFaktura",
      "CREDIT_NOTE, EFAKTURA, true, EMAIL, PRINT, false, NONE, false, true, PRINT, reserve channel",
  })
  void decides(String kind, String preferred, boolean active, String defaultChannel, String reserve,
               boolean deviation, String failed, boolean email, boolean post, String channel, String reason) {
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
        .putValue(InvoiceDistribution.Facts.HAS_ELECTRONIC_ADDRESS.name(), false)
        .putValue(InvoiceDistribution.Facts.HAS_DIRECT_DEBIT_MANDATE.name(), false);
    DmnDecisionResultEntries result = dmn.evaluateDecision(channelDecision, facts).getSingleResult();
    assertThat((String) result.get("channel")).isEqualTo(channel);
    assertThat((String) result.get("noticeChannel")).isNull();
    assertThat((String) result.get("reason")).isEqualTo(reason);
  }
}
