package io.fordra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Last in the /api chain, once ApiRules allowed the call: the engine runs the call's process steps as the caller
 * (history shows who did what), with the caller's groups and {@link RoleAuthorizations#API_GROUP}.
 */
class ApiEngineAuthentication extends OncePerRequestFilter {

  private final IdentityService identity;

  ApiEngineAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    List<String> groups = new ArrayList<>(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    groups.add(RoleAuthorizations.API_GROUP);
    identity.setAuthentication(caller.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
