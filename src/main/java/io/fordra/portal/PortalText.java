package io.fordra.portal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The portal's words in one language (portal/messages_{sv,nb}.properties; English is the base file). */
public final class PortalText {

  private final String language;
  private final ResourceBundle bundle;

  public PortalText(String language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("portal/messages", Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String language() {
    return language;
  }

  /** The text for key, escaped for HTML; the key itself if there is no text. */
  public String t(String key, Object... args) {
    return Html.esc(raw(key, args));
  }

  public String raw(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
  }
}
