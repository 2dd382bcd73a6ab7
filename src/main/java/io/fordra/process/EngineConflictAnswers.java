package io.fordra.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The engine's answer to a race, in problem+json: a process instance moved on in another transaction at the same
 * moment (and ProcessConflicts' retries did not get past it). Before web.ProblemHandler, whose catch-all would
 * otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineConflictAnswers {

  /** The invoice's process moved on in another transaction at the same moment: nothing was stored, try again. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentUpdate(OptimisticLockingException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The invoice was being updated at the same moment; nothing was stored. Send the request again.");
    problem.setTitle("Concurrent update");
    return problem;
  }
}
