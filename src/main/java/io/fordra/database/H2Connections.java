package io.fordra.database;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Every H2 database Fordra opens has H2's query result reuse off. With it on (H2's default), a query repeated inside
 * one transaction may be answered from its cached result although another transaction has committed rows since
 * (H2 issue 4208, H2 2.3.232): a print batch add that looked for its hand-over before locking the batch, and again
 * after, could see the stale "none" the second time and insert it twice. Applied to the DataSource properties, so
 * application.yaml's URL, an overriding environment variable and the tests' URLs all get it. PostgreSQL and other
 * URLs are left alone.
 */
@Component
public class H2Connections implements BeanPostProcessor {

  static final String NO_RESULT_REUSE = "OPTIMIZE_REUSE_RESULTS=FALSE";

  /** The URL with H2's result reuse turned off; unchanged if it is not H2's or already names the setting. */
  public static String withoutResultReuse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
        || url.toUpperCase(Locale.ROOT).contains(";OPTIMIZE_REUSE_RESULTS=")) {
      return url;
    }
    String base = url.endsWith(";") ? url.substring(0, url.length() - 1) : url;
    return base + ";" + NO_RESULT_REUSE;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties properties) {
      properties.setUrl(withoutResultReuse(properties.getUrl()));
    }
    return bean;
  }
}
