package io.fordra.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The rules of Fordra's user tasks, in the engine itself: the adapter that installs them in Camunda (a process engine
 * plugin, with its own task and form services). Every user task of every model (also one a process owner deploys)
 * gets {@link TaskHolders} and {@link FormAnswerCheck} as built-in listeners: they run before the model's own
 * listeners and cannot be left out or skipped. Completions run as {@link EngineCompletions} commands, so the check
 * knows what was sent; and a listener's refusal reaches the caller as itself (400 or 403 over REST, not the engine's
 * 500).
 */
@Component
public class EngineTaskRules extends AbstractProcessEnginePlugin {

  private final TaskHolders holders;
  private final FormAnswerCheck answers;

  public EngineTaskRules(TaskHolders holders, FormAnswerCheck answers) {
    this.holders = holders;
    this.answers = answers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new EngineCompletions.RecordingTaskService());
    configuration.setFormService(new EngineCompletions.RecordingFormService());

    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, holders);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, holders);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, answers);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new ListenerRefusals());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The engine wraps whatever a task listener throws in a plain ProcessEngineException, which REST answers with 500.
   * A refused answer or a missing permission is the caller's mistake: unwrapped here (after the rollback), engine
   * REST answers 400 or 403.
   */
  static final class ListenerRefusals extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (e.getClass() == ProcessEngineException.class) {
          // A listener's refusal may come wrapped twice (ENGINE-03051 around the listener invocation's own wrapper).
          for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException || cause instanceof AuthorizationException) {
              throw (ProcessEngineException) cause;
            }
          }
        }
        throw e;
      }
    }
  }
}
