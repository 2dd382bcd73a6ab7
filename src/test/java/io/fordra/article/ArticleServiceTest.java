package io.fordra.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The article register alone: no Spring, no engine. The table and the chart of accounts are mocks; NaturalKeys is the
 * real one over a mocked transaction manager.
 */
class ArticleServiceTest {

  private static final Instant CREATED = Instant.parse("2026-10-01T07:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final SellerProperties SWEDISH_SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899",
      "SE556677889901", "Storgatan 1", "111 22", "Stockholm", Country.SE, "faktura@exempelbolaget.se", null,
      "5050-1055", null, "");

  private final ArticleRepository articles = mock(ArticleRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final ChartOfAccounts chart = mock(ChartOfAccounts.class);
  private final ArticleService service = new ArticleService(articles, clock, SWEDISH_SELLER, chart,
      new NaturalKeys(mock(PlatformTransactionManager.class)));

  @BeforeEach
  void itIsTheThirdOfNovemberAndEveryRateIsBookable() {
    when(clock.now()).thenReturn(NOW);
    when(chart.canBook(any())).thenReturn(true);
  }

  @Test
  void aNewArticleIsStoredWithTwoDecimalsAndItsDescriptionsTrimmed() {
    when(articles.find("A-100")).thenReturn(Optional.empty());

    Article created = service.create(new ArticleRequest("A-100", Map.of("sv", " Konsulttimme ", "en", "Consulting"),
        " tim ", new BigDecimal("950"), new BigDecimal("25"), "3041"));

    Article expected = new Article("A-100", Map.of("en", "Consulting", "sv", "Konsulttimme"), "tim",
        new BigDecimal("950.00"), new BigDecimal("25.00"), "3041", NOW, NOW);
    assertThat(created).isEqualTo(expected);
    assertThat(created.unitPrice()).hasToString("950.00");
    assertThat(created.descriptions().keySet()).containsExactly("en", "sv");
    verify(articles).insert(expected);
  }

  @Test
  void aRequestWithManyProblemsNamesThemAllAndStoresNothing() {
    ArticleRequest request = new ArticleRequest("A 1", Map.of("de", "Stunde"), " ", new BigDecimal("-1"),
        new BigDecimal("30"), "30");

    assertThatThrownBy(() -> service.create(request)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).extracting(Violation::field, Violation::message).containsExactly(
            tuple("articleNumber", "'A 1' is not a valid number: " + io.fordra.kernel.Identifiers.RULE),
            tuple("descriptions.de", "'de' is not one of [sv, nb, en]"),
            tuple("unit", "is required"),
            tuple("unitPrice", "is negative"),
            tuple("vatRate", "30 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])"),
            tuple("revenueAccount", "must be a 4-digit account such as 3041 (or left out for the sales account of "
                + "the VAT rate)")));
    verifyNoInteractions(articles);
  }

  @Test
  void anArticleNeedsADescriptionAPriceInOereAndARate() {
    ArticleRequest request = new ArticleRequest("A-2", Map.of(), "st", new BigDecimal("9.999"), null, null);

    assertThatThrownBy(() -> service.create(request)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).containsExactly(
            new Violation("descriptions", "at least one description is required (languages [sv, nb, en])"),
            new Violation("unitPrice", "has more than 2 decimals"),
            new Violation("vatRate", "is required")));
    verifyNoInteractions(articles);
  }

  @Test
  void aRateTheChartCannotBookIsRefused() {
    when(chart.canBook(new BigDecimal("6"))).thenReturn(false);

    assertThatThrownBy(() -> service.create(request("A-3", "6")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("vatRate", "the chart of accounts has no sales or output VAT account for 6 % "
                + "(set fordra.ledger.sales.6 and fordra.ledger.output-vat.6)")));
    verify(articles, never()).insert(any());
  }

  @Test
  void aTakenArticleNumberIsAConflictAndNothingIsStored() {
    when(articles.find("A-1")).thenReturn(Optional.of(article("A-1")));

    assertThatThrownBy(() -> service.create(request("A-1", "25"))).isInstanceOf(ConflictException.class)
        .hasMessage("Article A-1 already exists");
    verify(articles, never()).insert(any());
  }

  @Test
  void aConcurrentCreateOfTheSameNumberIsAConflictToo() {
    when(articles.find("A-1")).thenReturn(Optional.empty());
    doThrow(new DuplicateKeyException("fordra_article_pkey")).when(articles).insert(any());

    assertThatThrownBy(() -> service.create(request("A-1", "25"))).isInstanceOf(ConflictException.class)
        .hasMessage("Article A-1 already exists");
  }

  @Test
  void anUpdateReplacesTheValuesAndKeepsTheCreationTime() {
    when(articles.find("A-1")).thenReturn(Optional.of(article("A-1")));
    when(articles.update(any())).thenReturn(true);

    Article updated = service.update("A-1", new ArticleRequest(null, Map.of("nb", "Konsulenttime"), "time",
        new BigDecimal("1100.5"), new BigDecimal("12"), null));

    Article expected = new Article("A-1", Map.of("nb", "Konsulenttime"), "time", new BigDecimal("1100.50"),
        new BigDecimal("12.00"), null, CREATED, NOW);
    assertThat(updated).isEqualTo(expected);
    verify(articles).update(expected);
  }

  @Test
  void aPutMissingARequiredFieldSaysThatItReplacesTheWholeArticle() {
    ArticleRequest partial = new ArticleRequest(null, Map.of("sv", "Konsulttimme"), null, new BigDecimal("1200"),
        null, null);

    assertThatThrownBy(() -> service.update("A-1", partial))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("unit", "is required: a PUT replaces the whole article (PATCH changes only the fields "
                + "given)"),
            new Violation("vatRate", "is required: a PUT replaces the whole article (PATCH changes only the fields "
                + "given)")));
    verifyNoInteractions(articles);
  }

  @Test
  void aPatchIsGivenTheArticleAndStoresWhatItBecomes_keepingTheCreationTime() {
    Article existing = new Article("A-1", Map.of("en", "Consulting", "sv", "Konsulttimme"), "tim",
        new BigDecimal("950.00"), new BigDecimal("25.00"), "3041", CREATED, CREATED);
    when(articles.find("A-1")).thenReturn(Optional.of(existing));
    when(articles.update(any())).thenReturn(true);

    Article patched = service.patch("A-1", current -> {
      assertThat(current).isEqualTo(new ArticleRequest(null, existing.descriptions(), "tim",
          new BigDecimal("950.00"), new BigDecimal("25.00"), "3041"));
      return new ArticleRequest(null, current.descriptions(), current.unit(), new BigDecimal("1200"),
          current.vatRate(), current.revenueAccount());
    });

    Article expected = new Article("A-1", Map.of("en", "Consulting", "sv", "Konsulttimme"), "tim",
        new BigDecimal("1200.00"), new BigDecimal("25.00"), "3041", CREATED, NOW);
    assertThat(patched).isEqualTo(expected);
    // The row is held before it is read: a change at the same moment waits and is not lost.
    var order = inOrder(articles);
    order.verify(articles).lock("A-1");
    order.verify(articles).find("A-1");
    order.verify(articles).update(expected);
  }

  @Test
  void aPatchIsCheckedAsACreate_andAnUnknownArticleIsNotFoundBeforeThePatchIsRead() {
    when(articles.find("A-1")).thenReturn(Optional.of(article("A-1")));
    assertThatThrownBy(() -> service.patch("A-1", current -> new ArticleRequest("B-2", current.descriptions(), null,
        current.unitPrice(), new BigDecimal("7"), current.revenueAccount())))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("articleNumber", "'B-2' is not the article in the path ('A-1'); leave it out or give the "
                + "same number (an article number cannot change)"),
            new Violation("unit", "is required"),
            new Violation("vatRate", "7 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])")));
    verify(articles, never()).update(any());

    when(articles.find("A-9")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.patch("A-9", current -> {
      throw new AssertionError("no patch for an unknown article");
    })).isInstanceOf(NotFoundException.class).hasMessage("No article A-9");
  }

  @Test
  void anArticleNumberCannotChange() {
    assertThatThrownBy(() -> service.update("A-1", request("B-2", "25")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("articleNumber", "'B-2' is not the article in the path ('A-1'); leave it out or give the "
                + "same number (an article number cannot change)")));
    verifyNoInteractions(articles);
  }

  @Test
  void anUnknownArticleOrOneDeletedMeanwhileIsNotFound() {
    when(articles.find("A-9")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.update("A-9", request("A-9", "25"))).isInstanceOf(NotFoundException.class)
        .hasMessage("No article A-9");
    verify(articles, never()).update(any());

    when(articles.find("A-8")).thenReturn(Optional.of(article("A-8")));
    when(articles.update(any())).thenReturn(false);
    assertThatThrownBy(() -> service.update("A-8", request("A-8", "25"))).isInstanceOf(NotFoundException.class)
        .hasMessage("No article A-8");
  }

  @Test
  void noArticleNumberFindsNoArticle() {
    assertThat(service.find(null)).isEmpty();
    verifyNoInteractions(articles);
  }

  @Test
  void theListIsTheRepositorysPage() {
    List<Article> page = List.of(article("A-2"), article("A-3"));
    when(articles.list("A-1", 2)).thenReturn(page);

    assertThat(service.list("A-1", 2)).isEqualTo(page);
  }

  private static ArticleRequest request(String articleNumber, String vatRate) {
    return new ArticleRequest(articleNumber, Map.of("sv", "Konsulttimme"), "tim", new BigDecimal("950.00"),
        new BigDecimal(vatRate), null);
  }

  private static Article article(String articleNumber) {
    return new Article(articleNumber, Map.of("sv", "Konsulttimme"), "tim", new BigDecimal("950.00"),
        new BigDecimal("25.00"), null, CREATED, CREATED);
  }
}
