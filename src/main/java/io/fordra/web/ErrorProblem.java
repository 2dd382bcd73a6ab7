package io.fordra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problem+json body of an error that reached no handler of Fordra's (the /error page, Tomcat's own answers): the
 * status and a fixed text per status. Never the exception, the request's path or anything else the client sent, so
 * that nothing unbounded or internal is echoed.
 */
public final class ErrorProblem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorProblem() {}

  /** The body for the status: type, title, status and, where there is one, a detail. */
  public static byte[] json(int status) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title(status));
    problem.put("status", status);
    String detail = detail(status);
    if (detail != null) {
      problem.put("detail", detail);
    }
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and a number is always JSON", e);
    }
  }

  /** Writes the body with its status and media type, unless the response is already on its way. */
  public static void write(HttpServletResponse response, int status) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setHeader("Cache-Control", "no-store");
    byte[] body = json(status);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }

  private static String detail(int status) {
    return switch (status) {
      // Tomcat answers 400 before any of Fordra sees the request, without saying which rule it broke: name them all.
      case 400 -> "The request is malformed or too large and was not handled: the request line and headers may hold "
          + "at most 8 KB together (server.max-http-request-header-size), paths may not contain encoded slashes or "
          + "backslashes, and the body must match its Content-Type.";
      case 404 -> "There is nothing at this path.";
      case 405 -> "This method is not allowed at this path.";
      case 413 -> "The request is larger than Fordra accepts (spring.servlet.multipart.max-request-size); nothing "
          + "was stored.";
      case 414, 431 -> "The request line or its headers are too long.";
      case 503 -> "Fordra is starting and does not take requests yet; try again after Retry-After seconds.";
      default -> status >= 500
          ? "Fordra could not handle the request; nothing was stored. The error is in the server log."
          : null;
    };
  }
}
