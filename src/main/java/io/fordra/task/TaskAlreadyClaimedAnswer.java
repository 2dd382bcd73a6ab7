package io.fordra.task;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/**
 * Claiming a task a colleague holds is a conflict the user can resolve (ask them or an administrator), not a server
 * error: 409 in the engine REST API's own error shape instead of its generic 500.
 */
@Provider
public class TaskAlreadyClaimedAnswer implements ExceptionMapper<TaskAlreadyClaimedException> {

  @Override
  public Response toResponse(TaskAlreadyClaimedException e) {
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "TaskAlreadyClaimedException",
            "message", "The task is held by another user; ask them or an administrator to hand it over."))
        .build();
  }
}
