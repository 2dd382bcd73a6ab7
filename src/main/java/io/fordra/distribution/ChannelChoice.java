package io.fordra.distribution;

import io.fordra.deployment.ModelFunctions;
import io.fordra.process.InvoiceDistribution;
import io.fordra.process.InvoiceDistribution.Facts;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Choose channel" (a business rule task on processes/distribution-channel.dmn): before the
 * table runs, gatherFacts puts its inputs on the execution for this transaction only; afterwards apply keeps the
 * chosen channel and records the choice on the invoice.
 */
@Component("channelChoice")
@ModelFunctions
public class ChannelChoice {

  private final DistributionService distribution;

  public ChannelChoice(DistributionService distribution) {
    this.distribution = distribution;
  }

  public void gatherFacts(DelegateExecution execution) {
    var facts = distribution.facts(InvoiceDistribution.DOCUMENT_ID.from(execution),
        InvoiceDistribution.REQUESTED_CHANNEL.from(execution));
    Facts.DOCUMENT_KIND.setTransient(execution, facts.documentKind());
    Facts.PREFERRED_CHANNEL.setTransient(execution, facts.preferredChannel().name());
    Facts.PREFERRED_ACTIVE.setTransient(execution, facts.preferredActive());
    Facts.DEFAULT_CHANNEL.setTransient(execution, facts.defaultChannel().name());
    Facts.RESERVE_CHANNEL.setTransient(execution, facts.reserveChannel().name());
    Facts.HAS_EMAIL.setTransient(execution, facts.hasEmail());
    Facts.HAS_POSTAL_ADDRESS.setTransient(execution, facts.hasPostalAddress());
    Facts.HAS_ELECTRONIC_ADDRESS.setTransient(execution, facts.hasElectronicAddress());
    Facts.HAS_DIRECT_DEBIT_MANDATE.setTransient(execution, facts.hasDirectDebitMandate());
    Facts.AFTER_DEVIATION.setTransient(execution, InvoiceDistribution.DEVIATION.from(execution, false));
    String failed = InvoiceDistribution.FAILED_CHANNEL.from(execution);
    Facts.EXCLUDED_CHANNEL.setTransient(execution, failed == null ? "NONE" : failed);
  }

  public void apply(DelegateExecution execution) {
    Map<String, Object> decision = InvoiceDistribution.CHANNEL_DECISION_RESULT.from(execution);
    String channel = decision == null ? DistributionService.NO_CHANNEL : (String) decision.get("channel");
    String reason = decision == null ? "the decision table gave no answer" : (String) decision.get("reason");
    InvoiceDistribution.CHANNEL.set(execution, channel);
    InvoiceDistribution.NOTICE_CHANNEL.set(execution, decision == null ? null : (String) decision.get("noticeChannel"));
    execution.removeVariable(InvoiceDistribution.CHANNEL_DECISION_RESULT.name());
    distribution.recordChoice(InvoiceDistribution.DOCUMENT_ID.from(execution), channel, reason,
        InvoiceDistribution.DEVIATION.from(execution, false));
  }
}
