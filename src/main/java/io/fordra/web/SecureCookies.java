package io.fordra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie of a request that came over TLS (directly, or from a trusted proxy that says so: server.tomcat.remoteip)
 * carries the Secure flag. Tomcat already marks JSESSIONID so and the portal asks request.isSecure() itself; the
 * Camunda webapps' XSRF-TOKEN cookie is Secure only when configured statically, so this filter adds it per request.
 */
@Configuration
class SecureCookies {

  private static final Pattern SECURE = Pattern.compile(";\\s*secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> secureCookieFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
    registration.addUrlPatterns("/*");
    registration.setName("fordra-secure-cookies");
    // Outermost, so that every filter and servlet behind it writes through the wrapper.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The Set-Cookie header with "; Secure" added when it lacks it. */
  static String secure(String setCookie) {
    return setCookie == null || SECURE.matcher(setCookie).find() ? setCookie : setCookie + "; Secure";
  }

  static final class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      chain.doFilter(request, request.isSecure() ? new SecureResponse(response) : response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }
  }

  private static final class SecureResponse extends HttpServletResponseWrapper {
    SecureResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, isSetCookie(name) ? secure(value) : value);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isSetCookie(name) ? secure(value) : value);
    }

    private static boolean isSetCookie(String name) {
      return name != null && name.toLowerCase(Locale.ROOT).equals("set-cookie");
    }
  }
}
