package io.fordra.payment.file;

import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Payment files as received, the running counts of their import, and their notes (what is not booked, and why). */
@Repository
class PaymentFileRepository {

  /** Notes written per batch statement: a hostile file's 100 000 skipped entries go in a few hundred round trips. */
  private static final int NOTE_BATCH = 500;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** NUMERIC(19, 4): 15 digits before the point. */
  private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(15);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public PaymentFileRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public Optional<PaymentFileSummary> findByHash(String sha256) {
    return jdbc.sql("SELECT * FROM fordra_payment_file WHERE sha256 = ?").param(sha256)
        .query(PaymentFileRepository::map).optional();
  }

  public Optional<PaymentFileSummary> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_payment_file WHERE id = ?").param(id)
        .query(PaymentFileRepository::map).optional();
  }

  public byte[] content(long id) {
    return jdbc.sql("SELECT content FROM fordra_payment_file WHERE id = ?").param(id).query(byte[].class).single();
  }

  public long insert(String fileName, String sha256, ParsedPaymentFile parsed, byte[] content, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    jdbc.sql("""
        INSERT INTO fordra_payment_file (file_name, sha256, format, account, content, status, payment_count,
          total_amount, processed, matched_count, matched_amount, partly_count, partly_amount, unmatched_count,
          unmatched_amount, duplicate_count, duplicate_amount, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, ?, 0, ?, 0, ?, ?)""")
        .params(fileName, sha256, parsed.format().name(), parsed.account(), content,
            PaymentFileSummary.Status.IMPORTING.name(), parsed.payments().size(), parsed.total(), zero, zero, zero,
            zero, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * Takes a chunk's place in the file: {@code processed} moves to the chunk's end, only forward. False when the place
   * is taken already (the same chunk run again): it must book and count nothing. The update locks the file's row, so
   * a second run of a chunk waits for the first and then finds its place taken.
   */
  public boolean claimChunk(long id, int to, Instant at) {
    return jdbc.sql("UPDATE fordra_payment_file SET processed = ?, progress_at = ? WHERE id = ? AND processed < ?")
        .params(to, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id, to).update() == 1;
  }

  /** Adds one chunk's outcome to the counts (one statement, so the summary is never half updated). */
  public void addChunk(long id, PaymentFileSummary.Tally t) {
    jdbc.sql("""
        UPDATE fordra_payment_file SET
          matched_count = matched_count + ?, matched_amount = matched_amount + ?,
          partly_count = partly_count + ?, partly_amount = partly_amount + ?,
          unmatched_count = unmatched_count + ?, unmatched_amount = unmatched_amount + ?,
          duplicate_count = duplicate_count + ?, duplicate_amount = duplicate_amount + ?
        WHERE id = ?""")
        .params(t.matched().count(), t.matched().amount(), t.partlyMatched().count(),
            t.partlyMatched().amount(), t.unmatched().count(), t.unmatched().amount(), t.duplicates().count(),
            t.duplicates().amount(), id)
        .update();
  }

  public void finish(long id, Instant at) {
    jdbc.sql("UPDATE fordra_payment_file SET status = ?, finished_at = ? WHERE id = ?")
        .params(PaymentFileSummary.Status.DONE.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id).update();
  }

  /**
   * Stores what the file holds besides its payments, in order: the entries not booked, then the remarks on the file.
   * Nothing is cut off: a value that does not fit its column is kept in the reason, as the file gave it.
   */
  public void insertNotes(long id, List<ParsedPaymentFile.Aside> aside, List<String> remarks) {
    List<PaymentFileSummary.Note> notes = new ArrayList<>(aside.size() + remarks.size());
    for (ParsedPaymentFile.Aside a : aside) {
      notes.add(fitted(notes.size() + 1, PaymentFileSummary.NoteKind.valueOf(a.outcome().name()), a.location(),
          a.amount(), a.currency(), a.bankTransactionId(), a.reason()));
    }
    for (String remark : remarks) {
      notes.add(fitted(notes.size() + 1, PaymentFileSummary.NoteKind.REMARK, "file", null, null, null, remark));
    }
    template.batchUpdate("""
        INSERT INTO fordra_payment_file_note (payment_file_id, note_number, outcome, location, amount, currency,
          bank_transaction_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", notes, NOTE_BATCH,
        (PreparedStatement ps, PaymentFileSummary.Note n) -> {
          ps.setLong(1, id);
          ps.setInt(2, n.number());
          ps.setString(3, n.outcome().name());
          ps.setString(4, n.location());
          if (n.amount() == null) {
            ps.setNull(5, Types.NUMERIC);
          } else {
            ps.setBigDecimal(5, n.amount());
          }
          ps.setString(6, n.currency());
          ps.setString(7, n.bankTransactionId());
          ps.setString(8, n.reason());
        });
  }

  /** A note as its columns hold it: what does not fit is said in the reason (which is cut at 1 000 characters). */
  static PaymentFileSummary.Note fitted(int number, PaymentFileSummary.NoteKind kind, String location,
                                        BigDecimal amount, String currency, String transactionId, String reason) {
    StringBuilder why = new StringBuilder(reason == null ? "" : reason);
    BigDecimal stored = amount;
    if (amount != null && (amount.abs().compareTo(AMOUNT_LIMIT) >= 0
        || amount.stripTrailingZeros().scale() > 4)) {
      why.append(" (amount as the file gives it: ").append(amount.toPlainString()).append(')');
      stored = null;
    }
    String code = currency;
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      why.append(" (currency as the file gives it: '").append(cut(currency, 40)).append("')");
      code = null;
    }
    String id = transactionId;
    if (transactionId != null && transactionId.length() > 100) {
      why.append(" (bank transaction id: ").append(cut(transactionId, 300)).append(')');
      id = null;
    }
    return new PaymentFileSummary.Note(number, kind, cut(location, 200), stored, code, id, cut(why.toString(), 1000));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** The file's payments to book, how many and how much per currency (stored when the file is received). */
  public void insertCurrencies(long id, List<BankPayment> payments) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
    for (BankPayment p : payments) {
      counts.merge(p.currency(), 1, Integer::sum);
      amounts.merge(p.currency(), p.amount(), BigDecimal::add);
    }
    counts.forEach((currency, n) -> jdbc.sql("INSERT INTO fordra_payment_file_currency (payment_file_id, currency, "
            + "payment_count, total_amount) VALUES (?, ?, ?, ?)")
        .params(id, currency, n, amounts.get(currency).setScale(2, java.math.RoundingMode.HALF_UP)).update());
  }

  /** What the file books: how many payments and how much per currency. */
  public PaymentFileSummary.AsideCount toBook(long id) {
    int[] count = {0};
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    jdbc.sql("SELECT currency, payment_count, total_amount FROM fordra_payment_file_currency "
            + "WHERE payment_file_id = ? ORDER BY currency").param(id)
        .query(rs -> {
          count[0] += rs.getInt("payment_count");
          amounts.put(rs.getString("currency"), rs.getBigDecimal("total_amount"));
        });
    return new PaymentFileSummary.AsideCount(count[0], amounts);
  }

  /** Entries kept aside and skipped: how many and how much per currency, each outcome's own. */
  public Map<PaymentFileSummary.NoteKind, PaymentFileSummary.AsideCount> asideCounts(long id) {
    Map<PaymentFileSummary.NoteKind, Integer> counts = new LinkedHashMap<>();
    Map<PaymentFileSummary.NoteKind, Map<String, BigDecimal>> amounts = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT outcome, COALESCE(currency, 'none') AS currency, COUNT(*) AS n, SUM(amount) AS amount
        FROM fordra_payment_file_note WHERE payment_file_id = ? AND outcome <> 'REMARK'
        GROUP BY outcome, COALESCE(currency, 'none')""").param(id)
        .query(rs -> {
          var kind = PaymentFileSummary.NoteKind.valueOf(rs.getString("outcome"));
          counts.merge(kind, rs.getInt("n"), Integer::sum);
          BigDecimal amount = rs.getBigDecimal("amount");
          if (amount != null) {
            amounts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(rs.getString("currency"), shown(amount));
          }
        });
    Map<PaymentFileSummary.NoteKind, PaymentFileSummary.AsideCount> result = new LinkedHashMap<>();
    counts.forEach((kind, n) -> result.put(kind, new PaymentFileSummary.AsideCount(n,
        amounts.getOrDefault(kind, Map.of()))));
    return result;
  }

  /**
   * The file's notes of the kinds asked for, entries kept aside first, then skipped, then remarks, each in file order,
   * from the offset on. One indexed query per kind (payment_file_id, outcome, note_number): no sort of a large file's
   * notes.
   */
  public List<PaymentFileSummary.Note> notes(long id, List<PaymentFileSummary.NoteKind> kinds, int offset,
                                             int limit) {
    List<PaymentFileSummary.Note> page = new ArrayList<>();
    int skip = offset;
    for (PaymentFileSummary.NoteKind kind : PaymentFileSummary.NoteKind.values()) {
      if (!kinds.contains(kind) || page.size() >= limit) {
        continue;
      }
      int count = countNotes(id, List.of(kind));
      if (skip >= count) {
        skip -= count;
        continue;
      }
      page.addAll(jdbc.sql("SELECT * FROM fordra_payment_file_note WHERE payment_file_id = ? AND outcome = ?"
              + " ORDER BY note_number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
          .params(id, kind.name(), skip, limit - page.size())
          .query((rs, n) -> new PaymentFileSummary.Note(rs.getInt("note_number"),
              PaymentFileSummary.NoteKind.valueOf(rs.getString("outcome")), rs.getString("location"),
              shown(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getString("bank_transaction_id"),
              rs.getString("reason")))
          .list());
      skip = 0;
    }
    return page;
  }

  /** Two decimals as every other amount of the summary, more only where the amount has them (e.g. BHD, 3). */
  private static BigDecimal shown(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal plain = amount.stripTrailingZeros();
    return plain.scale() <= 2 ? plain.setScale(2, java.math.RoundingMode.UNNECESSARY) : plain;
  }

  public int countNotes(long id, List<PaymentFileSummary.NoteKind> kinds) {
    String in = String.join(", ", kinds.stream().map(k -> "'" + k.name() + "'").toList());
    return jdbc.sql("SELECT COUNT(*) FROM fordra_payment_file_note WHERE payment_file_id = ? AND outcome IN (" + in
        + ")").param(id).query(Integer.class).single();
  }

  /** What a person did about the entries kept aside; null until it is recorded. */
  public Optional<PaymentFileSummary.Review> keptAsideReview(long id) {
    return jdbc.sql("""
        SELECT kept_aside_reviewed_by, kept_aside_reviewed_at, kept_aside_review FROM fordra_payment_file
        WHERE id = ? AND kept_aside_reviewed_at IS NOT NULL""").param(id)
        .query((rs, n) -> new PaymentFileSummary.Review(rs.getString(1),
            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
        .optional();
  }

  /** Records the review once: false when it is recorded already (the first stands). */
  public boolean recordKeptAsideReview(long id, String by, Instant at, String note) {
    return jdbc.sql("""
        UPDATE fordra_payment_file SET kept_aside_reviewed_by = ?, kept_aside_reviewed_at = ?, kept_aside_review = ?
        WHERE id = ? AND kept_aside_reviewed_at IS NULL""")
        .params(cut(by, 100), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), note, id).update() == 1;
  }

  /** The rate since the file was received, and while it runs the time left. */
  private static ImportProgress progress(ResultSet rs) throws SQLException {
    OffsetDateTime at = rs.getObject("progress_at", OffsetDateTime.class);
    return ImportProgress.of(rs.getInt("processed"), rs.getInt("payment_count") - rs.getInt("processed"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), at == null ? null : at.toInstant(),
        PaymentFileSummary.Status.valueOf(rs.getString("status")) == PaymentFileSummary.Status.IMPORTING);
  }

  private static PaymentFileSummary map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new PaymentFileSummary(rs.getLong("id"), rs.getString("file_name"),
        ParsedPaymentFile.Format.valueOf(rs.getString("format")), rs.getString("account"),
        PaymentFileSummary.Status.valueOf(rs.getString("status")), rs.getInt("payment_count"),
        rs.getBigDecimal("total_amount"), rs.getInt("processed"),
        new PaymentFileSummary.Tally(
            new PaymentFileSummary.Count(rs.getInt("matched_count"), rs.getBigDecimal("matched_amount")),
            new PaymentFileSummary.Count(rs.getInt("partly_count"), rs.getBigDecimal("partly_amount")),
            new PaymentFileSummary.Count(rs.getInt("unmatched_count"), rs.getBigDecimal("unmatched_amount")),
            new PaymentFileSummary.Count(rs.getInt("duplicate_count"), rs.getBigDecimal("duplicate_amount"))),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(), false, progress(rs));
  }
}
