package io.fordra.task;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's engine REST API (/engine-rest) with Fordra's answers for task outcomes the engine reports as 500. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(TaskAlreadyClaimedAnswer.class);
    register(TaskCompletionRaceAnswer.class);
  }
}
