package io.fordra.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's gate, in the portal's Spring Security chain (PortalConfiguration; never a servlet filter of its own):
 * every page but the login page needs a valid session cookie of an enabled user, who becomes the chain's user, and
 * every POST needs the CSRF token of its session (the login form: the token of its pre-login cookie). The user is
 * re-read on every request, so a revoked permission or a disabled user counts at once.
 */
public class PortalFilter extends OncePerRequestFilter {

  public static final String USER = "fordra.portal.user";
  public static final String CSRF = "fordra.portal.csrf";
  public static final String CSRF_PARAMETER = "_csrf";
  /** The authority of a logged-in portal user in the portal's chain. */
  public static final String PORTAL_USER = "portal-user";

  private final PortalSessions sessions;
  private final PortalUsers users;

  public PortalFilter(PortalSessions sessions, PortalUsers users) {
    this.sessions = sessions;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean post = "POST".equalsIgnoreCase(request.getMethod());
    boolean safe = "GET".equalsIgnoreCase(request.getMethod()) || "HEAD".equalsIgnoreCase(request.getMethod());
    if (path.equals("/portal/login")) {
      if (post && !sessions.validLoginToken(request, request.getParameter(CSRF_PARAMETER))) {
        refuse(response, "The form has expired or did not come from the portal: reload the page and try again.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Optional<PortalSessions.Session> session = sessions.session(request);
    Optional<PortalUser> user = session.flatMap(s -> users.find(s.userId())
        .filter(u -> !u.disabled() && !s.issuedAt().isBefore(u.sessionsValidFrom())));
    if (user.isEmpty()) {
      if (safe) {
        response.sendRedirect(request.getContextPath() + "/portal/login");
      } else {
        refuse(response, "Log in first.");
      }
      return;
    }
    String token = sessions.csrfToken(session.get());
    if (!safe && !(post && PortalSessions.sameToken(token, request.getParameter(CSRF_PARAMETER)))) {
      refuse(response, "The form has expired or did not come from the portal: reload the page and try again.");
      return;
    }
    request.setAttribute(USER, user.get());
    request.setAttribute(CSRF, token);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("portal:" + user.get().id(), null,
        List.of(new SimpleGrantedAuthority(PORTAL_USER))));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>403</title></head><body>"
        + "<h1>403</h1><p id=\"error\">" + Html.esc(message) + "</p><p><a href=\"/portal/login\">Fordra</a></p>"
        + "</body></html>");
  }
}
