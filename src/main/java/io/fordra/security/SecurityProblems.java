package io.fordra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * The security chains' answers as RFC 7807 problem+json: 401 (with a Basic challenge where Basic is the way in), 403
 * naming the caller's groups, and 400 for a refused path spelling. A 401 says nothing about why: a wrong password, an
 * unknown user and a locked user get the same answer.
 */
@Component
class SecurityProblems {

  static final String REALM = "Basic realm=\"Fordra\", charset=\"UTF-8\"";

  private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

  private final ObjectMapper json;

  public SecurityProblems(ObjectMapper json) {
    this.json = json;
  }

  /** 401; with a Basic challenge for the HTTP Basic APIs, without one where a webapp's login is the way in. */
  AuthenticationEntryPoint unauthorized(boolean basicChallenge, String detail) {
    return (request, response, e) -> {
      if (basicChallenge) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
      }
      write(request, response, HttpStatus.UNAUTHORIZED, detail);
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) -> {
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      List<String> groups = caller == null ? List.of() : caller.getAuthorities().stream()
          .map(GrantedAuthority::getAuthority).filter(a -> !a.startsWith(CamundaSessionAuthentication.APP_PREFIX))
          .sorted().toList();
      String who = caller == null ? "the caller" : caller.getName();
      write(request, response, HttpStatus.FORBIDDEN, request.getMethod() + " " + path(request) + " is not for " + who
          + ", who is in " + (groups.isEmpty() ? "no group" : "groups " + String.join(", ", groups))
          + " (see the README's role table)");
    };
  }

  RequestRejectedHandler rejected() {
    return (request, response, e) -> write(request, response, HttpStatus.BAD_REQUEST,
        "Fordra takes each path in one spelling only: no ';', no percent-encoded '/', '.' or letters, no '//', "
            + "'/./' or '/../'");
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    log.debug("{} {} {}: {}", status.value(), request.getMethod(), request.getRequestURI(), detail);
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "_")));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
