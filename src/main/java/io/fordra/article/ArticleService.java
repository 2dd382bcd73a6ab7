package io.fordra.article;

import io.fordra.database.NaturalKeys;
import io.fordra.seller.VatRates;
import io.fordra.kernel.Capped;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article register: articles with their description per language, unit, price excluding VAT, VAT rate and
 * (optionally) their own revenue account.
 *
 * <p>An invoice copies an article's values onto its line when it is issued, so creating or changing an article
 * never changes an invoice already issued: only invoices issued afterwards take the new values.
 */
@Service
public class ArticleService {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{4}");
  private static final List<String> LANGUAGES = List.of("sv", "nb", "en");
  private static final String WHOLE = ": a PUT replaces the whole article (PATCH changes only the fields given)";

  private final ArticleRepository articles;
  private final FordraClock clock;
  private final SellerProperties seller;
  private final ChartOfAccounts ledger;
  private final NaturalKeys naturalKeys;

  public ArticleService(ArticleRepository articles, FordraClock clock, SellerProperties seller, ChartOfAccounts ledger,
                        NaturalKeys naturalKeys) {
    this.naturalKeys = naturalKeys;
    this.articles = articles;
    this.clock = clock;
    this.seller = seller;
    this.ledger = ledger;
  }

  public Optional<Article> find(String articleNumber) {
    return articleNumber == null ? Optional.empty() : articles.find(articleNumber);
  }

  public Article get(String articleNumber) {
    return find(articleNumber).orElseThrow(() -> new NotFoundException("No article " + articleNumber));
  }

  /** Up to limit articles by article number, starting after the given number (from the first when null). */
  public List<Article> list(String after, int limit) {
    return articles.list(after, limit);
  }

  /** Registers a new article; 409 (ConflictException) when the number is taken. */
  @Transactional
  public Article create(ArticleRequest request) {
    Violations violations = new Violations();
    violations.number("articleNumber", request.articleNumber());
    validate(request, violations);
    violations.throwIfAny();
    if (articles.find(request.articleNumber()).isPresent()) {
      throw new ConflictException("Article " + request.articleNumber() + " already exists");
    }
    Instant now = clock.now();
    Article article = toArticle(request.articleNumber(), request, now, now);
    naturalKeys.claim("Article " + request.articleNumber() + " already exists", () -> articles.insert(article));
    return article;
  }

  /**
   * PUT: replaces the whole article (descriptions, unit, price, VAT rate and revenue account) and keeps its creation
   * time. What create requires is required here too, and a missing one is refused saying that a PUT replaces the whole
   * article; an optional field left out (the revenue account, a language's description) is cleared. Invoices issued
   * before keep the values they copied. An article number in the request must be the one updated.
   */
  @Transactional
  public Article update(String articleNumber, ArticleRequest request) {
    Violations violations = new Violations();
    sameNumber(articleNumber, request, violations);
    validate(request, violations);
    violations.throwIfAny(WHOLE);
    return store(articleNumber, request, get(articleNumber));
  }

  /**
   * PATCH: changes only what the patch changes. The patch is given the article as a request (without its number) and
   * returns the request it becomes, which is checked as a create is; 404 for an unknown article.
   */
  @Transactional
  public Article patch(String articleNumber, UnaryOperator<ArticleRequest> patch) {
    // A PATCH reads, merges and writes: without the lock, a change at the same moment would be lost.
    articles.lock(articleNumber);
    Article existing = get(articleNumber);
    ArticleRequest request = patch.apply(new ArticleRequest(null, existing.descriptions(), existing.unit(),
        existing.unitPrice(), existing.vatRate(), existing.revenueAccount()));
    Violations violations = new Violations();
    sameNumber(articleNumber, request, violations);
    validate(request, violations);
    violations.throwIfAny();
    return store(articleNumber, request, existing);
  }

  private Article store(String articleNumber, ArticleRequest request, Article existing) {
    Article article = toArticle(articleNumber, request, existing.createdAt(), clock.now());
    if (!articles.update(article)) {
      throw new NotFoundException("No article " + articleNumber);
    }
    return article;
  }

  private static void sameNumber(String articleNumber, ArticleRequest request, Violations violations) {
    if (request.articleNumber() != null && !request.articleNumber().equals(articleNumber)) {
      violations.add("articleNumber", Capped.quote(request.articleNumber()) + " is not the article in the path ('"
          + articleNumber + "'); leave it out or give the same number (an article number cannot change)");
    }
  }

  /** Every problem of the request but its article number. */
  private void validate(ArticleRequest r, Violations violations) {
    if (r.descriptions() == null || r.descriptions().isEmpty()) {
      violations.add("descriptions", "at least one description is required (languages " + LANGUAGES + ")");
    } else {
      r.descriptions().forEach((language, text) -> {
        if (!LANGUAGES.contains(language)) {
          violations.add("descriptions." + language, "'" + language + "' is not one of " + LANGUAGES);
        } else {
          violations.text("descriptions." + language, text, 500);
        }
      });
    }
    violations.text("unit", r.unit(), 20);
    if (violations.amount("unitPrice", r.unitPrice()) && r.unitPrice().signum() < 0) {
      violations.add("unitPrice", "is negative");
    }
    VatRates.check("vatRate", r.vatRate(), seller.country(), ledger::canBook, violations);
    if (r.revenueAccount() != null && !ACCOUNT.matcher(r.revenueAccount()).matches()) {
      violations.add("revenueAccount", "must be a 4-digit account such as 3041 (or left out for the sales "
          + "account of the VAT rate)");
    }
  }

  private static Article toArticle(String articleNumber, ArticleRequest r, Instant createdAt, Instant updatedAt) {
    Map<String, String> descriptions = new TreeMap<>();
    r.descriptions().forEach((language, text) -> descriptions.put(language, text.strip()));
    return new Article(articleNumber, Collections.unmodifiableMap(descriptions), r.unit().strip(),
        r.unitPrice().setScale(2, RoundingMode.UNNECESSARY), r.vatRate().setScale(2, RoundingMode.UNNECESSARY),
        r.revenueAccount(), createdAt, updatedAt);
  }
}
