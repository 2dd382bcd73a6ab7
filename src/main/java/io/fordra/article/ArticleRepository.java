package io.fordra.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** fordra_article and its descriptions (fordra_article_description). */
@Repository
class ArticleRepository {

  /** An article row with one of its descriptions per row, in article-number and then language order. */
  private static final String SELECT = """
      SELECT a.article_number, a.unit, a.unit_price, a.vat_rate, a.revenue_account, a.created_at, a.updated_at,
             d.language, d.description
      FROM fordra_article a JOIN fordra_article_description d ON d.article_number = a.article_number
      """;

  private final JdbcClient jdbc;

  public ArticleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Article> find(String articleNumber) {
    return articles(jdbc.sql(SELECT + "WHERE a.article_number = ? ORDER BY d.language").param(articleNumber))
        .stream().findFirst();
  }

  /** Holds the article's row until the transaction ends, so two changes at the same moment apply one after the other. */
  public void lock(String articleNumber) {
    jdbc.sql("SELECT article_number FROM fordra_article WHERE article_number = ? FOR UPDATE").param(articleNumber)
        .query(String.class).optional();
  }

  /** Up to limit articles whose number comes after the given one (all from the first if null), by number. */
  public List<Article> list(String after, int limit) {
    return articles(jdbc.sql(SELECT + """
        WHERE a.article_number IN (
          SELECT article_number FROM fordra_article WHERE article_number > ? ORDER BY article_number LIMIT ?)
        ORDER BY a.article_number, d.language""").params(after == null ? "" : after, limit));
  }

  public void insert(Article article) {
    jdbc.sql("""
        INSERT INTO fordra_article (article_number, unit, unit_price, vat_rate, revenue_account, created_at,
          updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(article.articleNumber(), article.unit(), article.unitPrice(), article.vatRate(),
            article.revenueAccount(), utc(article.createdAt()), utc(article.updatedAt()))
        .update();
    insertDescriptions(article);
  }

  /** Replaces everything but the creation time; false when there is no such article. */
  public boolean update(Article article) {
    int updated = jdbc.sql("""
        UPDATE fordra_article SET unit = ?, unit_price = ?, vat_rate = ?, revenue_account = ?, updated_at = ?
        WHERE article_number = ?""")
        .params(article.unit(), article.unitPrice(), article.vatRate(), article.revenueAccount(),
            utc(article.updatedAt()), article.articleNumber())
        .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM fordra_article_description WHERE article_number = ?").param(article.articleNumber())
        .update();
    insertDescriptions(article);
    return true;
  }

  private void insertDescriptions(Article article) {
    article.descriptions().forEach((language, description) -> jdbc.sql(
            "INSERT INTO fordra_article_description (article_number, language, description) VALUES (?, ?, ?)")
        .params(article.articleNumber(), language, description).update());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The rows of SELECT, one per description, as one article each (in the order of the rows). */
  private static List<Article> articles(JdbcClient.StatementSpec query) {
    Map<String, Article> articles = new LinkedHashMap<>();
    for (Article row : query.query(ArticleRepository::map).list()) {
      articles.merge(row.articleNumber(), row, (a, more) -> {
        Map<String, String> descriptions = new TreeMap<>(a.descriptions());
        descriptions.putAll(more.descriptions());
        return new Article(a.articleNumber(), Collections.unmodifiableMap(descriptions), a.unit(), a.unitPrice(),
            a.vatRate(), a.revenueAccount(), a.createdAt(), a.updatedAt());
      });
    }
    return List.copyOf(articles.values());
  }

  private static Article map(ResultSet rs, int row) throws SQLException {
    return new Article(rs.getString("article_number"),
        Map.of(rs.getString("language"), rs.getString("description")), rs.getString("unit"),
        rs.getBigDecimal("unit_price").setScale(2), rs.getBigDecimal("vat_rate").setScale(2),
        rs.getString("revenue_account"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
