package io.fordra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api requires HTTP Basic authentication against Camunda's users (the same users as Tasklist and Cockpit), and
 * membership of a group that {@link ApiRoles} allows for the endpoint (403 otherwise). The authenticated user and
 * groups are set on the engine for the request, so history shows who did what.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Fordra\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"Fordra's API needs a user name and password (HTTP Basic)\",\"instance\":\""
          + request.getRequestURI().replace("\"", "") + "\"}");
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(credentials[0]).list().stream()
        .map(Group::getId).toList();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!ApiRoles.allows(request.getMethod(), path, Set.copyOf(groups))) {
      Set<String> required = ApiRoles.required(request.getMethod(), path);
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"" + json(request.getMethod() + " " + path + " is for "
          + (required.isEmpty() ? "administrators" : "groups " + String.join(", ", new java.util.TreeSet<>(required))
          + " (and administrators)") + "; " + credentials[0] + " is in " + (groups.isEmpty() ? "no group"
          : String.join(", ", groups))) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
      return;
    }
    // The user's own groups, and Fordra's API group: Fordra's role check above decides what an /api call may do,
    // the engine then lets the call's process steps run (see RoleAuthorizations.API_GROUP).
    List<String> engineGroups = new java.util.ArrayList<>(groups);
    engineGroups.add(RoleAuthorizations.API_GROUP);
    identity.setAuthentication(credentials[0], engineGroups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** User and password of an HTTP Basic Authorization header, or null if it is not one. */
  static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
