package io.fordra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the chains of the Camunda webapps (/camunda) and of Cockpit's Fordra plugin (/cockpit-fordra): the user of the
 * webapps' own login session, with their groups and, as "app:cockpit" etc., the webapps they may open. Camunda's
 * login, session and CSRF filters stay in charge of the webapps; this only lets the chain's rules (jobs are changed
 * by administrators) see who is calling. No session: nothing is created or stored.
 */
class CamundaSessionAuthentication extends OncePerRequestFilter {

  static final String APP_PREFIX = "app:";

  /** Where the webapps keep their logins in the HTTP session (Camunda's AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
  private static final String SESSION_KEY = "authenticatedUser";

  private final String engineName;

  CamundaSessionAuthentication(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    // Read only: AuthenticationUtil.getAuthsFromSession would put an empty entry into the session.
    if (session != null && session.getAttribute(SESSION_KEY) instanceof Authentications authentications
        && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
      List<SimpleGrantedAuthority> authorities = new ArrayList<>();
      if (user.getGroupIds() != null) {
        user.getGroupIds().forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
      }
      if (user.getAuthorizedApps() != null) {
        user.getAuthorizedApps().forEach(app -> authorities.add(new SimpleGrantedAuthority(APP_PREFIX + app)));
      }
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
          authorities));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
