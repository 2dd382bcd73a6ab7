package io.fordra.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fordra.kernel.Capped;
import io.fordra.kernel.CodeList;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.FileRejected;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of /api as RFC 7807 problem+json, with the reasons listed under "errors" (the first
 * {@value Capped#ENTRIES}, then one saying how many more) and their number as "errorCount".
 */
@RestControllerAdvice(basePackages = "io.fordra")
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("The request breaks " + e.violationCount() + " rule(s)");
    errors(problem, e.violations(), e.violationCount());
    return problem;
  }

  /** A file refused whole: 400 with every problem, where it is and why; nothing from it was stored. */
  @ExceptionHandler(FileRejected.class)
  ProblemDetail fileRejected(FileRejected e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle(e.title());
    errors(problem, e.problems(), e.problemCount());
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }

  /** A unique key that a concurrent request took between our check and our insert. */
  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Already exists (stored by a concurrent request)");
    problem.setTitle("Conflict");
    return problem;
  }

  /**
   * The last defence against races (issue 13, finding 7): a row lock that was not granted in time, or a deadlock the
   * database broke. Nothing was stored; the request may simply be sent again.
   */
  @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class})
  ProblemDetail lockNotGranted(org.springframework.dao.DataAccessException e) {
    log.warn("Concurrent request in /api: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "A concurrent request held the same data; nothing was stored. Try again.");
    problem.setTitle("Concurrent request");
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error in /api", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Fordra could not handle the request; nothing was stored. The error is in the server log.");
    problem.setTitle("Internal error");
    return problem;
  }

  /** Malformed JSON, wrong types and unknown enum values: say which field and what is allowed. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Violation violation = describe(ex.getCause());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violation.toString());
    problem.setTitle("The request body is not valid JSON for this resource");
    errors(problem, List.of(violation), 1);
    return ResponseEntity.badRequest().body(problem);
  }

  /** A query or path parameter of the wrong type, e.g. ?status=FOO or ?from=2026-13-01. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    Class<?> type = ex.getRequiredType();
    String message = type != null && type.isEnum()
        ? Capped.quote(ex.getValue()) + " is not one of " + Arrays.toString(type.getEnumConstants())
        : Capped.quote(ex.getValue()) + " is not a valid " + (type == null ? "value" : type.getSimpleName());
    Violation violation = new Violation(field == null ? "parameter" : field, message);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violation.toString());
    problem.setTitle("A parameter has the wrong type");
    errors(problem, List.of(violation), 1);
    return ResponseEntity.badRequest().body(problem);
  }

  /** The reasons (at most Capped.ENTRIES and one saying how many more) and how many there are. */
  private static void errors(ProblemDetail problem, List<?> shown, int count) {
    problem.setProperty("errors", shown);
    problem.setProperty("errorCount", count);
  }

  private static Violation describe(Throwable cause) {
    Violation fault = JsonProblems.bodyFault(cause);
    if (fault != null) {
      return fault;
    }
    String strict = JsonProblems.strictInput(cause);
    if (strict != null) {
      return new Violation(path((JsonMappingException) cause), strict);
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().getEnumConstants() instanceof CodeList[] codes && codes.length > 0) {
      // 249 country codes are no list to read: say what a valid one is.
      return new Violation(path(invalid), Capped.quote(invalid.getValue()) + " is not " + codes[0].whatAValidCodeIs());
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return new Violation(path(invalid), Capped.quote(invalid.getValue()) + " is not one of "
          + Arrays.toString(invalid.getTargetType().getEnumConstants()));
    }
    if (cause instanceof InvalidFormatException invalid) {
      return new Violation(path(invalid), Capped.quote(invalid.getValue()) + " is not a valid "
          + invalid.getTargetType().getSimpleName());
    }
    if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      String type = mismatched.getTargetType() == null ? "value" : mismatched.getTargetType().getSimpleName();
      return new Violation(path(mismatched), "has the wrong type (expected " + type + ")");
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      // Jackson's own words name Java classes; only a reason Fordra wrote itself is passed on.
      Throwable own = mapping.getCause();
      return new Violation(path(mapping), own instanceof IllegalArgumentException && own.getMessage() != null
          ? own.getMessage() : "is not a valid value here");
    }
    if (cause instanceof MismatchedInputException) {
      // An array, number or string where the resource is an object: say so, not which Java class it is.
      return new Violation("body", "must be a JSON object");
    }
    if (cause instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      return new Violation("body", "malformed JSON" + (at == null || at.getLineNr() < 1 ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    return new Violation("body", "is missing or not JSON");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
