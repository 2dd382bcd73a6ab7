package io.fordra.task;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Two people (or two tabs) completing one task at once: the engine REST API reports the loser as a 500 whose message
 * names engine internals (the failed INSERT, "task is null"). It is a race the user resolves by reloading: 409 when the
 * other completion was committed at the same moment, 404 when the task was already gone. Every other error keeps the
 * engine REST API's own answer. Ahead of Camunda's RestExceptionHandler, which maps the same type.
 */
@Provider
@Priority(Priorities.USER - 100)
public class TaskCompletionRaceAnswer implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException e) {
    if (e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
      if (causedBy(e, OptimisticLockingException.class)) {
        return answer(Response.Status.CONFLICT, "OptimisticLockingException",
            "Someone else changed this task at the same moment; nothing of this request was stored. Reload the task: "
                + "it may already be done.");
      }
      if (causedBy(e, NullValueException.class) && String.valueOf(e.getMessage()).contains("Cannot find task")) {
        return answer(Response.Status.NOT_FOUND, "InvalidRequestException",
            "The task does not exist (any more): it may have been completed already.");
      }
    }
    return camunda.toResponse(e);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
