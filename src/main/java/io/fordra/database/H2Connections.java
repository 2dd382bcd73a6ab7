package io.fordra.database;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Every H2 database Fordra opens has the two settings its concurrency needs, unless its URL names them itself:
 * <ul>
 *   <li>query result reuse off. With it on (H2's default), a query repeated inside one transaction may be answered
 *   from its cached result although another transaction has committed rows since (H2 issue 4208, H2 2.3.232): a
 *   print batch add that looked for its hand-over before locking the batch, and again after, could see the stale
 *   "none" the second time and insert it twice;</li>
 *   <li>a lock timeout of 30 s: a create waits for a concurrent create of the same number to commit and then gets
 *   409 (H2's default of 2 s timed out under load and answered 500).</li>
 * </ul>
 * Applied to the DataSource properties, so application.yaml's URL, an overriding environment variable and the tests'
 * URLs all get them. PostgreSQL and other URLs are left alone.
 */
@Component
public class H2Connections implements BeanPostProcessor {

  static final String NO_RESULT_REUSE = "OPTIMIZE_REUSE_RESULTS=FALSE";
  static final String LOCK_TIMEOUT = "LOCK_TIMEOUT=30000";

  /** The URL with H2's result reuse turned off; unchanged if it is not H2's or already names the setting. */
  public static String withoutResultReuse(String url) {
    return withSetting(url, NO_RESULT_REUSE);
  }

  /** The URL with both of Fordra's H2 settings, each unless the URL names it. */
  public static String forFordra(String url) {
    return withSetting(withoutResultReuse(url), LOCK_TIMEOUT);
  }

  private static String withSetting(String url, String setting) {
    String name = ";" + setting.substring(0, setting.indexOf('=') + 1);
    if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
        || url.toUpperCase(Locale.ROOT).contains(name)) {
      return url;
    }
    String base = url.endsWith(";") ? url.substring(0, url.length() - 1) : url;
    return base + ";" + setting;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties properties) {
      properties.setUrl(forFordra(properties.getUrl()));
    }
    return bean;
  }
}
