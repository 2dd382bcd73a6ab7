package io.fordra.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nothing is open: /api and /engine-rest need HTTP Basic; the Camunda webapps (Tasklist, Cockpit, Admin) have
 * their own login.
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
    registration.addUrlPatterns("/api/*");
    registration.setName("fordra-api-authentication");
    return registration;
  }

  /** Jobs are changed by administrators only, also the standalone ones the engine does not check. */
  @Bean
  FilterRegistrationBean<JobChangesFilter> jobChanges(IdentityService identity) {
    FilterRegistrationBean<JobChangesFilter> registration = new FilterRegistrationBean<>(new JobChangesFilter(identity));
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setName("fordra-job-changes");
    return registration;
  }

  /** Camunda's own filter for its REST API (as the Camunda manual describes for Spring Boot). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("camunda-engine-rest-authentication");
    return registration;
  }
}
