package io.fordra.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over spring.servlet.multipart.max-request-size: 413 problem+json; a multipart body that cannot be read:
 * 400. The multipart request is parsed before a
 * controller is chosen, so ProblemHandler (Fordra's controllers only) never sees it; left to the /error page, Spring
 * would parse it again in the error dispatch, fail again and answer 413 with an empty body.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public void tooLarge(HttpServletResponse response) throws IOException {
    ErrorProblem.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
  }

  /** A multipart body that cannot be parsed (no boundary, cut short): the client's fault, 400, not 500. */
  @ExceptionHandler(MultipartException.class)
  public void unreadable(HttpServletResponse response) throws IOException {
    ErrorProblem.write(response, HttpServletResponse.SC_BAD_REQUEST);
  }
}
