package io.fordra.portal;

import org.springframework.web.util.HtmlUtils;

/** HTML escaping for the portal's pages: every text from data or the user goes through esc. */
public final class Html {

  private Html() {}

  /** Spring's HTML escaping (quotes included, so it is safe in attribute values too); null is "". */
  public static String esc(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }
}
