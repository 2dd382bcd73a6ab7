package io.fordra.invoice;

import io.fordra.article.Article;
import io.fordra.article.ArticleService;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.Violations;
import io.fordra.seller.SellerProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Fills in what an invoice line that names an article leaves out (description, unit price, VAT rate) from the article
 * register, and books the line on the article's revenue account. What the line gives itself stands, except a VAT
 * rate that differs from the article's: that is an error, not a choice.
 */
@Component
class ArticleLines {

  /**
   * @param revenueAccounts per line: the article's account, or null for the sales account of the VAT rate
   * @param unknownArticles the indexes of lines naming an article the register does not have (reported)
   */
  record Resolved(InvoiceRequest request, List<String> revenueAccounts, Set<Integer> unknownArticles) {}

  private final ArticleService articles;
  private final SellerProperties seller;

  ArticleLines(ArticleService articles, SellerProperties seller) {
    this.articles = articles;
    this.seller = seller;
  }

  /** @param language the customer's language for the description (null: the seller's) */
  Resolved resolve(InvoiceRequest request, String language, Violations violations) {
    if (request.lines() == null) {
      return new Resolved(request, List.of(), Set.of());
    }
    List<InvoiceRequest.LineRequest> lines = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    Set<Integer> unknown = new HashSet<>();
    String sellerLanguage = seller.country().language();
    for (int i = 0; i < request.lines().size(); i++) {
      InvoiceRequest.LineRequest line = request.lines().get(i);
      String number = line == null || line.articleNumber() == null || line.articleNumber().isBlank() ? null
          : line.articleNumber().strip();
      boolean valid = number == null || Identifiers.isValid(number);
      Optional<Article> article = number == null || !valid ? Optional.empty() : articles.find(number);
      if (number != null && article.isEmpty()) {
        violations.add("lines[" + i + "].articleNumber", valid ? "article " + number + " is not in the article "
            + "register" : Identifiers.problem(number));
        unknown.add(i);
      }
      if (article.isEmpty()) {
        lines.add(line);
        accounts.add(null);
        continue;
      }
      Article a = article.get();
      if (line.vatRate() != null && line.vatRate().compareTo(a.vatRate()) != 0) {
        violations.add("lines[" + i + "].vatRate", line.vatRate().stripTrailingZeros().toPlainString()
            + " % differs from the " + a.vatRate().stripTrailingZeros().toPlainString() + " % of article " + number);
      }
      lines.add(new InvoiceRequest.LineRequest(
          line.description() == null || line.description().isBlank()
              ? a.description(language == null ? sellerLanguage : language, sellerLanguage) : line.description(),
          line.quantity(),
          line.unitPrice() == null ? a.unitPrice() : line.unitPrice(),
          line.vatRate() == null ? a.vatRate() : line.vatRate(),
          number, line.orderReference(), line.servicePeriod()));
      accounts.add(a.revenueAccount());
    }
    InvoiceRequest filled = new InvoiceRequest(request.invoiceNumber(), request.customerNumber(), request.customer(),
        request.issueDate(), request.dueDate(), request.currency(), lines, request.totalAmount(),
        request.vatAmount(), request.deliveryDate(), request.period());
    return new Resolved(filled, accounts, unknown);
  }
}
