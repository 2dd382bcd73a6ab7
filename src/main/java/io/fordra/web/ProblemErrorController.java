package io.fordra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The /error page (Spring Boot's replaced): every error that a filter, the container or a handler outside Fordra's
 * controllers sends is problem+json, whatever the client accepts. The status is the one the error dispatch carries;
 * /error called directly is 404.
 */
@Controller
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ErrorProblem.write(response, status(request));
  }

  private static int status(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400) {
      return code;
    }
    return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null ? 500 : 404;
  }
}
