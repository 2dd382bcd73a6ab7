package io.fordra.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for staff: Camunda's users and groups (the same as Tasklist and Cockpit). The password goes through
 * IdentityService.checkPassword, where LockoutIdentityProvider counts wrong ones and locks for a while; a locked user,
 * an unknown user and a wrong password are one and the same BadCredentialsException. Each group is an authority.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  public StaffAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || user.isEmpty() || !(password instanceof String text)
        || !identity.checkPassword(user, text)) {
      throw new BadCredentialsException("Bad credentials");
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups(identity, user).stream()
        .map(SimpleGrantedAuthority::new).toList());
  }

  static List<String> groups(IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
