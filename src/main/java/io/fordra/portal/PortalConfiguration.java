package io.fordra.portal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer portal's own authentication (form login, signed session cookie, CSRF) on /portal. */
@Configuration
public class PortalConfiguration {

  @Bean
  FilterRegistrationBean<PortalFilter> portalAuthentication(PortalSessions sessions, PortalUsers users) {
    FilterRegistrationBean<PortalFilter> registration = new FilterRegistrationBean<>(new PortalFilter(sessions, users));
    registration.addUrlPatterns("/portal", "/portal/*");
    registration.setName("fordra-portal-authentication");
    return registration;
  }
}
