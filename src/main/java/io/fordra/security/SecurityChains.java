package io.fordra.security;

import static io.fordra.security.ApiRules.path;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One Spring Security chain per area, each with {@link CanonicalPathFirewall} in front, so that the path a rule
 * matches is the path that is routed:
 * <ul>
 *   <li>/api: HTTP Basic against Camunda's users, {@link ApiRules}; no session, no CSRF (no cookies are taken);</li>
 *   <li>/engine-rest: HTTP Basic, jobs changed by administrators; Camunda's authorization checks do the rest;</li>
 *   <li>/camunda (Tasklist, Cockpit, Admin and their API): the webapps' own login, session and CSRF; a chain only
 *       for job changes, which administrators make;</li>
 *   <li>/cockpit-fordra: Cockpit's login, GET only, for users who may open Cockpit;</li>
 *   <li>/actuator: health for everyone (no details), the rest for administrators over HTTP Basic;</li>
 *   <li>/portal: the customer portal's own chain (io.fordra.portal.PortalConfiguration);</li>
 *   <li>everything else (static files, the error page) open.</li>
 * </ul>
 * The firewall also sees the requests that no chain takes (FilterChainProxy and the first servlet filter).
 */
@Configuration
@EnableWebSecurity
public class SecurityChains {

  private final SecurityProblems problems;

  public SecurityChains(SecurityProblems problems) {
    this.problems = problems;
  }

  @Bean
  CanonicalPathFirewall canonicalPathFirewall() {
    return new CanonicalPathFirewall();
  }

  @Bean
  WebSecurityCustomizer firewall(CanonicalPathFirewall firewall) {
    return web -> web.httpFirewall(firewall).requestRejectedHandler(problems.rejected());
  }

  /**
   * The same firewall as the very first servlet filter: Spring Security's chains see every request too, but this
   * holds even for a filter that Camunda's webapps or engine REST register ahead of them.
   */
  @Bean
  FilterRegistrationBean<jakarta.servlet.Filter> canonicalPaths(CanonicalPathFirewall firewall) {
    FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>((request, response,
        chain) -> {
      try {
        firewall.getFirewalledRequest((HttpServletRequest) request);
      } catch (RequestRejectedException e) {
        problems.rejected().handle((HttpServletRequest) request, (HttpServletResponse) response, e);
        return;
      }
      chain.doFilter(request, response);
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setName("fordra-canonical-paths");
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, IdentityService identity) throws Exception {
    basicApi(http.securityMatcher(path(null, "/api/**")), "Fordra's API needs a user name and password (HTTP Basic)");
    http.authorizeHttpRequests(requests -> ApiRules.api()
        .forEach(rule -> requests.requestMatchers(rule.matcher()).access(rule.access())));
    http.addFilterAfter(new ApiEngineAuthentication(identity), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    basicApi(http.securityMatcher(path(null, "/engine-rest/**")),
        "The engine's REST API needs a user name and password (HTTP Basic)");
    http.authorizeHttpRequests(requests -> requests
        .requestMatchers(ApiRules.jobChanges()).hasAuthority(StaffGroups.ADMINS)
        .anyRequest().authenticated());
    return http.build();
  }

  /** Camunda's filter for its REST API, taking the user that the engine-rest chain authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("camunda-engine-rest-authentication");
    return registration;
  }

  /**
   * Tasklist, Cockpit and Admin keep their own login, session, CSRF and headers: only their job changes pass a chain
   * (administrators only); every other /camunda request is Camunda's alone, after the firewall.
   */
  @Bean
  @Order(3)
  SecurityFilterChain camundaWebapps(HttpSecurity http, ProcessEngine engine) throws Exception {
    webappSession(http.securityMatcher(new AndRequestMatcher(path(null, "/camunda/**"), ApiRules.jobChanges())),
        engine);
    http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(StaffGroups.ADMINS));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain cockpitPlugin(HttpSecurity http, ProcessEngine engine) throws Exception {
    webappSession(http.securityMatcher(path(null, "/cockpit-fordra/**")), engine);
    http.authorizeHttpRequests(requests -> requests
        .requestMatchers(path(HttpMethod.GET, "/cockpit-fordra/invoices/**"))
        .hasAuthority(CamundaSessionAuthentication.APP_PREFIX + "cockpit")
        .anyRequest().denyAll());
    return http.build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    basicApi(http.securityMatcher(path(null, "/actuator/**")),
        "Only administrators see more than /actuator/health (HTTP Basic)");
    http.authorizeHttpRequests(requests -> requests
        .requestMatchers(path(HttpMethod.GET, "/actuator/health/**")).permitAll()
        .anyRequest().hasAuthority(StaffGroups.ADMINS));
    return http.build();
  }

  /** The API's description (OpenAPI 3 and Swagger UI): for every staff user, with the API's own login. */
  @Bean
  @Order(6)
  SecurityFilterChain apiDescription(HttpSecurity http) throws Exception {
    basicApi(http.securityMatcher(new OrRequestMatcher(path(null, ApiDocumentation.API_DOCS + "/**"),
            path(null, "/swagger-ui/**"), path(null, "/swagger-ui.html"))),
        "The API's description needs a user name and password (HTTP Basic)");
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
    return http.build();
  }

  /** Static files (the portal's CSS, the start page) and the error page: open, through the firewall. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    http.securityMatcher(new NegatedRequestMatcher(path(null, "/camunda/**")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  /**
   * HTTP Basic, every request on its own (no session, no cookies, so no CSRF); answers in problem+json. Passwords go
   * to the one AuthenticationProvider, {@link StaffAuthenticationProvider} (Spring Boot makes it the global one; it
   * is not added to the chain again, which would check a wrong password, and count it, twice).
   */
  private void basicApi(HttpSecurity http, String unauthorized) throws Exception {
    var entryPoint = problems.unauthorized(true, unauthorized);
    http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems.forbidden()));
  }

  /**
   * The Camunda webapps' login session as the chain's user; the webapps keep their own headers, CSRF and login.
   */
  private void webappSession(HttpSecurity http, ProcessEngine engine) throws Exception {
    ownSession(http.addFilterBefore(new CamundaSessionAuthentication(engine.getName()), BasicAuthenticationFilter.class))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(problems.unauthorized(false, "Log in to Camunda Cockpit or Tasklist first"))
            .accessDeniedHandler(problems.forbidden()));
  }

  /**
   * For an area that has its own login, session cookie, CSRF token and security headers (the Camunda webapps, the
   * portal): its authentication filter makes the chain's user for one request; Spring Security adds no session,
   * CSRF check, CORS handling, headers or login redirect of its own, does not wrap the request, and stores nothing.
   */
  public static HttpSecurity ownSession(HttpSecurity http) throws Exception {
    return http
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        // Not even session fixation: a login of the area's own would look new on every request and change the
        // session id each time, which logs the webapps out.
        .sessionManagement(session -> session.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .servletApi(servletApi -> servletApi.disable())
        .cors(cors -> cors.disable());
  }
}
