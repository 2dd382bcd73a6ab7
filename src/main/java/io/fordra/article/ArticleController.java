package io.fordra.article;

import io.fordra.kernel.InvalidRequestException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The article register over /api/articles; an article number is one segment of the path (Identifiers). */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

  private static final int MAX_LIST = 1000;

  private final ArticleService articles;

  public ArticleController(ArticleService articles) {
    this.articles = articles;
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

  /** Changes the article; invoices already issued keep the values they copied from it. */
  @PutMapping("/{articleNumber}")
  public Article update(@PathVariable String articleNumber, @RequestBody ArticleRequest request) {
    return articles.update(articleNumber, request);
  }
}
