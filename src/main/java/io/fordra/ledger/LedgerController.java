package io.fordra.ledger;

import io.fordra.kernel.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/ledger/sie?period=YYYY-MM: the month's bookkeeping basis as a SIE 4 import file (see {@link SieExport}). */
@RestController
class LedgerController {

  /**
   * text/plain with the file's real charset rather than application/octet-stream: IBM437 is the IANA name of code
   * page 437, so an HTTP client that decodes text gets å ä ö right, while curl -o and browsers (the response is an
   * attachment) save the bytes untouched for the accounting program's SIE import, which reads them as PC8 anyway.
   */
  static final String CONTENT_TYPE = "text/plain;charset=" + SieExport.PC8.name();

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private final SieExport sie;

  public LedgerController(SieExport sie) {
    this.sie = sie;
  }

  /**
   * Streamed straight to the response (a month of a large ledger is never held whole): the period is checked before
   * anything is written, so a bad one is still a 400 problem.
   */
  @GetMapping("/api/ledger/sie")
  public void sie(@RequestParam(required = false) String period, HttpServletResponse response) throws IOException {
    YearMonth month = month(period);
    response.setContentType(CONTENT_TYPE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(sie.fileName(month)).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    sie.write(month, response.getOutputStream());
  }

  private static YearMonth month(String period) {
    if (period == null || period.isBlank()) {
      throw new InvalidRequestException("period", "is required: the month as YYYY-MM, e.g. 2026-03");
    }
    String value = period.strip();
    try {
      if (MONTH.matcher(value).matches()) {
        return YearMonth.parse(value);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same answer as any other malformed month
    }
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    throw new InvalidRequestException("period", "'" + shown + "' is not a month as YYYY-MM, e.g. 2026-03");
  }
}
