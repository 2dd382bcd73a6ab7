package io.fordra.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs Fordra may POST events to. Fordra sits inside the company's network, so a target is a way to make it
 * call anything it can reach (SSRF): unless fordra.webhooks.allow-private-targets is set, a target must resolve only
 * to public addresses — checked when the subscription is made and again before every delivery, as DNS may change.
 */
@Component
class WebhookTargets {

  static final int MAX_LENGTH = 2000;

  private final boolean allowPrivate;

  @Autowired
  WebhookTargets(WebhookProperties properties) {
    this(properties.allowPrivateTargets());
  }

  WebhookTargets(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the URL cannot be a target, or empty when it can. */
  Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an absolute https:// (or http://) URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials (user:password@); the signature authenticates Fordra");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("has no host name");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment (#…)");
    }
    return privateAddress(uri.getHost());
  }

  /** Before a delivery: the host must still resolve to public addresses only. */
  Optional<String> problemBeforeDelivery(URI uri) {
    return privateAddress(uri.getHost());
  }

  private Optional<String> privateAddress(String host) {
    if (allowPrivate) {
      return Optional.empty();
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of("host " + host + " is a loopback, private or link-local address ("
            + address.getHostAddress() + "); Fordra posts events only to public addresses");
      }
    }
    return Optional.empty();
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0                                   // "this network"
          || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)  // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19))     // benchmarking
          || first >= 240;                                // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      return (first & 0xfe) == 0xfc;                      // unique local fc00::/7
    }
    return false;
  }
}
