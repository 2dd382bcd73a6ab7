package io.fordra.article;

import java.math.BigDecimal;
import java.util.Map;

/**
 * POST /api/articles and PUT /api/articles/{articleNumber} (the whole article: a required field left out is missing,
 * an optional one cleared); on PUT the article number may be left out (the path names the article). A PATCH is this
 * request with the merge patch applied to the article.
 *
 * @param descriptions per language (sv, nb, en)
 * @param revenueAccount optional 4-digit account; null books the sales on the VAT rate's sales account
 */
public record ArticleRequest(String articleNumber, Map<String, String> descriptions, String unit,
                             BigDecimal unitPrice, BigDecimal vatRate, String revenueAccount) {}
