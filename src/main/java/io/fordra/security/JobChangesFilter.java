package io.fordra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only administrators change jobs (retry, execute, due date, suspend, delete) through Cockpit's API or
 * /engine-rest. The engine checks these changes for a process's jobs, but not for standalone jobs such as the
 * history cleanup: without this filter an auditor could retry those.
 */
public class JobChangesFilter extends OncePerRequestFilter {

  private static final Pattern JOB_PATH =
      Pattern.compile("/(camunda/api/engine/engine/[^/]+|engine-rest(/engine/[^/]+)?)/job(-definition)?(/.*)?");

  private final IdentityService identity;

  public JobChangesFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean query = "GET".equals(request.getMethod()) || path.endsWith("/count")
        || ("POST".equals(request.getMethod()) && (path.endsWith("/job") || path.endsWith("/job-definition")));
    if (!query && JOB_PATH.matcher(path).matches()) {
      Caller caller = caller(request);
      if (!caller.groups().contains(ApiRoles.ADMINS)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"The user with id '"
            + caller.user().replace("\"", "") + "' may not change jobs: only administrators (group " + ApiRoles.ADMINS
            + ") do\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private record Caller(String user, List<String> groups) {}

  /** The Cockpit/Tasklist session's user, or the HTTP Basic user of /engine-rest, with their groups. */
  private Caller caller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null && !authentications.getAuthentications().isEmpty()) {
        UserAuthentication first = authentications.getAuthentications().get(0);
        return new Caller(first.getIdentityId(), authentications.getAuthentications().stream()
            .map(UserAuthentication::getGroupIds).filter(java.util.Objects::nonNull).flatMap(List::stream).toList());
      }
    }
    String[] credentials = ApiAuthenticationFilter.basicCredentials(request.getHeader("Authorization"));
    if (credentials != null) {
      return new Caller(credentials[0], identity.createGroupQuery().groupMember(credentials[0]).list().stream()
          .map(Group::getId).toList());
    }
    return new Caller("unknown", List.of());
  }
}
