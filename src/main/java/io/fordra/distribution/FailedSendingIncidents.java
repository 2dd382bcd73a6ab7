package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When the last retry of "Send by e-mail" (or e-invoice, digital mailbox) fails, Camunda raises an incident (for Cockpit); Fordra also puts the
 * invoice's status back to what it was before the document was queued and records the error (seed 003).
 */
@Component
class FailedSendingIncidents extends AbstractProcessEnginePlugin {

  /** The retried channel steps of invoice-distribution and the channel each hands the document to. */
  private static final java.util.Map<String, String> CHANNEL_OF_STEP = java.util.Map.of(
      InvoiceDistribution.Elements.SEND_EMAIL, io.fordra.customer.Channel.EMAIL.name(),
      InvoiceDistribution.Elements.SEND_EINVOICE, io.fordra.customer.Channel.EINVOICE.name(),
      InvoiceDistribution.Elements.SEND_TO_DIGITAL_MAILBOX, io.fordra.customer.Channel.DIGITAL_MAILBOX.name(),
      InvoiceDistribution.Elements.SEND_EFAKTURA, io.fordra.customer.Channel.EFAKTURA.name());

  private final ObjectProvider<DistributionService> distribution;

  public FailedSendingIncidents(ObjectProvider<DistributionService> distribution) {
    this.distribution = distribution;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCustomIncidentHandlers().add(new FailedJobHandler());
  }

  private final class FailedJobHandler implements IncidentHandler {

    private final DefaultIncidentHandler standard = new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);

    @Override
    public String getIncidentHandlerType() {
      return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      Incident incident = standard.handleIncident(context, message);
      String channel = CHANNEL_OF_STEP.get(context.getActivityId());
      if (channel != null && context.getExecutionId() != null) {
        ExecutionEntity execution = ExecutionEntity.class.cast(
            org.camunda.bpm.engine.impl.context.Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId()));
        Long documentId = execution == null ? null : InvoiceDistribution.DOCUMENT_ID.from(execution);
        if (documentId != null) {
          distribution.getObject().sendingFailed(documentId, channel, message == null ? "unknown error" : message);
        }
      }
      return incident;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      standard.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      standard.deleteIncident(context);
    }
  }
}
