package io.fordra.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring's strict firewall (no ';', no encoded '/', '.', '%' or '\', no '//', '/./' or '/../'), and also no
 * percent-encoded unreserved character (a letter, digit, '-', '.', '_' or '~'): "/%6cedger" is "/ledger" once Tomcat
 * and Spring decode it, so a rule that read the raw path would miss it. With every such spelling refused, a request's
 * path has one spelling, and the path a security rule matches is the path Spring MVC, Jersey or the webapps route.
 */
class CanonicalPathFirewall extends StrictHttpFirewall {

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
    String uri = request.getRequestURI();
    if (uri != null && encodesUnreserved(uri)) {
      throw new RequestRejectedException("The request was rejected because the URL has a percent-encoded letter, "
          + "digit or one of - . _ ~");
    }
    return super.getFirewalledRequest(request);
  }

  /** Whether the raw path has %XX for a character that never needs encoding (RFC 3986 "unreserved"). */
  static boolean encodesUnreserved(String uri) {
    for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
      int high = Character.digit(uri.charAt(i + 1), 16);
      int low = Character.digit(uri.charAt(i + 2), 16);
      if (high >= 0 && low >= 0 && unreserved((char) (high * 16 + low))) {
        return true;
      }
    }
    return false;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
  }
}
