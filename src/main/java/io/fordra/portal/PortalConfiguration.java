package io.fordra.portal;

import io.fordra.security.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The customer portal's Spring Security chain on /portal: its own authentication (form login, signed session cookie,
 * CSRF token per session) in {@link PortalFilter}, which makes the portal user the chain's user; then only the login
 * page is open. Staff logins and Spring's session, CSRF and headers play no part: the portal has its own.
 */
@Configuration
public class PortalConfiguration {

  @Bean
  @Order(6)
  SecurityFilterChain portal(HttpSecurity http, PortalSessions sessions, PortalUsers users) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    SecurityChains.ownSession(http.securityMatcher(paths.matcher("/portal/**"))
            .addFilterBefore(new PortalFilter(sessions, users), BasicAuthenticationFilter.class))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/portal/login")).permitAll()
            .anyRequest().authenticated());
    return http.build();
  }
}
