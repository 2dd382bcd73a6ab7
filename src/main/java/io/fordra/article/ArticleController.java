package io.fordra.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.web.MergePatch;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The article register over /api/articles; an article number is one segment of the path (Identifiers). PUT replaces
 * the whole article, PATCH (JSON merge patch) changes only the fields given.
 */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

  private static final int MAX_LIST = 1000;

  private final ArticleService articles;
  private final ObjectMapper json;

  public ArticleController(ArticleService articles, ObjectMapper json) {
    this.articles = articles;
    this.json = json;
  }

  @PostMapping
  public ResponseEntity<Article> create(@RequestBody ArticleRequest request) {
    Article article = articles.create(request);
    return ResponseEntity.created(URI.create("/api/articles/" + article.articleNumber())).body(article);
  }

  /** Articles by number, limit at a time; the next page starts after the last number of this one. */
  @GetMapping
  public List<Article> list(@RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIST);
    }
    return articles.list(after, limit);
  }

  @GetMapping("/{articleNumber}")
  public Article get(@PathVariable String articleNumber) {
    return articles.get(articleNumber);
  }

  /**
   * Replaces the whole article: every field create requires, and what is left out of the optional ones is cleared.
   * Invoices already issued keep the values they copied from it.
   */
  @PutMapping("/{articleNumber}")
  public Article update(@PathVariable String articleNumber, @RequestBody ArticleRequest request) {
    return articles.update(articleNumber, request);
  }

  /** Changes only the fields a JSON merge patch gives ({@code null} clears an optional one), checked as a create. */
  @PatchMapping(path = "/{articleNumber}", consumes = MergePatch.MEDIA_TYPE)
  public Article patch(@PathVariable String articleNumber, @RequestBody JsonNode patch, HttpServletRequest http) {
    return articles.patch(articleNumber, current -> MergePatch.read(json, MergePatch.apply(json.valueToTree(current),
        patch), ArticleRequest.class, http));
  }
}
