package io.fordra.health;

import io.fordra.web.ErrorProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/** /api before Fordra is ready: 503 problem+json with Retry-After, instead of a 500 from a half-started engine. */
class NotReadyFilter extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "5";

  private final Readiness readiness;

  public NotReadyFilter(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (readiness.isReady()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    ErrorProblem.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
  }
}
