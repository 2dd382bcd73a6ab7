package io.fordra.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer ids;

  public InvoiceRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.ids = isPostgres(dataSource)
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "fordra_invoice_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "fordra_invoice_seq");
  }

  public long nextId() {
    return ids.nextLongValue();
  }

  public boolean numberExists(String invoiceNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_invoice WHERE invoice_number = ?")
        .param(invoiceNumber).query(Integer.class).single() > 0;
  }

  public void insert(Invoice i, List<InvoiceLine> lines) {
    jdbc.sql("""
        INSERT INTO fordra_invoice (id, invoice_number, customer_number, status, issue_date, due_date, currency,
          net_amount, vat_amount, total_amount, paid_amount, fees_amount, credit_balance, disputed_amount,
          payment_reference, dunning_level, reminders_sent, reminder_fees_charged, pay_by, created_at, booking_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(i.id(), i.invoiceNumber(), i.customerNumber(), i.status().name(), i.issueDate(), i.dueDate(),
            i.currency().name(), i.netAmount(), i.vatAmount(), i.totalAmount(), i.paidAmount(), i.feesAmount(),
            i.creditBalance(), i.disputedAmount(), i.paymentReference(), i.dunningLevel(), i.remindersSent(),
            i.reminderFeesCharged(), i.payBy(), utc(i.createdAt()), i.issueDate())
        .update();
    for (InvoiceLine l : lines) {
      jdbc.sql("""
          INSERT INTO fordra_invoice_line (invoice_id, line_number, description, quantity, unit_price, vat_rate,
            net_amount, vat_amount, article_number, order_reference, revenue_account, service_from, service_to)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(i.id(), l.lineNumber(), l.description(), l.quantity(), l.unitPrice(), l.vatRate(),
              l.netAmount(), l.vatAmount(), l.articleNumber(), l.orderReference(), l.revenueAccount(),
              l.serviceFrom(), l.serviceTo())
          .update();
    }
  }

  /** An invoice taken over from the previous system: from migration file fileId, booked (opening entry) on a day. */
  public void markMigrated(long invoiceId, long fileId, LocalDate bookingDate) {
    jdbc.sql("UPDATE fordra_invoice SET migrated_from = ?, booking_date = ? WHERE id = ?")
        .params(fileId, bookingDate, invoiceId).update();
  }

  public boolean referenceExists(String paymentReference) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_invoice WHERE payment_reference = ?")
        .param(paymentReference).query(Integer.class).single() > 0;
  }

  public Optional<Invoice> findByNumber(String invoiceNumber) {
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE invoice_number = ?")
        .param(invoiceNumber).query(InvoiceRepository::map).optional();
  }

  /** Locks the invoice row so that concurrent payments and dunning steps are applied one after the other. */
  public Optional<Invoice> lockByNumber(String invoiceNumber) {
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE invoice_number = ? FOR UPDATE")
        .param(invoiceNumber).query(InvoiceRepository::map).optional();
  }

  public Optional<Invoice> findByReference(String paymentReference) {
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE payment_reference = ?")
        .param(paymentReference).query(InvoiceRepository::map).optional();
  }

  public Optional<Invoice> findById(long id) {
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE id = ?").param(id).query(InvoiceRepository::map).optional();
  }

  public void insertSupply(long invoiceId, Supply supply) {
    jdbc.sql("INSERT INTO fordra_invoice_supply (invoice_id, delivery_date, period_from, period_to) VALUES (?, ?, ?, ?)")
        .params(invoiceId, supply.date(), supply.from(), supply.to())
        .update();
  }

  /** Sets late_compensation_charged unless it was set: true when this call set it. */
  public boolean claimLateCompensation(long invoiceId) {
    return jdbc.sql("UPDATE fordra_invoice SET late_compensation_charged = TRUE WHERE id = ? "
        + "AND late_compensation_charged = FALSE").param(invoiceId).update() == 1;
  }

  /** How the invoice was taxed, where that was not at the seller's own rates. */
  public void insertVat(long invoiceId, InvoiceVat vat) {
    jdbc.sql("INSERT INTO fordra_invoice_vat (invoice_id, treatment, buyer_vat_number, seller_vat_number) "
        + "VALUES (?, ?, ?, ?)")
        .params(invoiceId, vat.treatment().name(), vat.buyerVatNumber(), vat.sellerVatNumber())
        .update();
  }

  public InvoiceVat vat(long invoiceId) {
    return jdbc.sql("SELECT treatment, buyer_vat_number, seller_vat_number FROM fordra_invoice_vat WHERE invoice_id = ?")
        .param(invoiceId)
        .query((rs, n) -> new InvoiceVat(VatTreatment.valueOf(rs.getString("treatment")),
            rs.getString("buyer_vat_number"), rs.getString("seller_vat_number")))
        .optional().orElse(InvoiceVat.DOMESTIC);
  }

  public Optional<Supply> supply(long invoiceId) {
    return jdbc.sql("SELECT delivery_date, period_from, period_to FROM fordra_invoice_supply WHERE invoice_id = ?")
        .param(invoiceId)
        .query((rs, n) -> new Supply(rs.getObject("delivery_date", LocalDate.class),
            rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)))
        .optional();
  }

  public List<InvoiceLine> lines(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_invoice_line WHERE invoice_id = ? ORDER BY line_number")
        .param(invoiceId)
        .query((rs, n) -> new InvoiceLine(rs.getInt("line_number"), rs.getString("description"),
            rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("vat_rate"),
            rs.getBigDecimal("net_amount"), rs.getBigDecimal("vat_amount"), rs.getString("article_number"),
            rs.getString("order_reference"), rs.getString("revenue_account"),
            rs.getObject("service_from", LocalDate.class), rs.getObject("service_to", LocalDate.class)))
        .list();
  }

  /** The statuses of an invoice that still waits for money, as an SQL list. */
  private static final String OPEN = java.util.Arrays.stream(InvoiceStatus.values()).filter(s -> !s.isFinal())
      .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));

  /**
   * Open invoices in a currency of these customers, earliest due first, at most limit rows. Uses
   * fordra_invoice_customer_ix (customer_number, issue_date, id).
   */
  public List<Invoice> openOfCustomers(java.util.Collection<String> customerNumbers, String currency, int limit) {
    if (customerNumbers.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(customerNumbers);
    params.add(currency);
    params.add(limit);
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE customer_number IN (" + marks(customerNumbers.size())
            + ") AND currency = ? AND status IN " + OPEN + " ORDER BY due_date, id FETCH FIRST ? ROWS ONLY")
        .params(params).query(InvoiceRepository::map).list();
  }

  /**
   * Open invoices in a currency whose total is within [low, high], nearest to the amount first, at most limit rows.
   * Uses fordra_invoice_total_ix (total_amount, currency): only the range is read.
   */
  public List<Invoice> openWithTotalBetween(BigDecimal low, BigDecimal high, BigDecimal amount, String currency,
                                            int limit) {
    return jdbc.sql("SELECT * FROM fordra_invoice WHERE total_amount BETWEEN ? AND ? AND currency = ? AND status IN "
            + OPEN + " ORDER BY ABS(total_amount - ?), due_date, id FETCH FIRST ? ROWS ONLY")
        .params(low, high, currency, amount, limit).query(InvoiceRepository::map).list();
  }

  /** Open invoices with one of these invoice numbers or payment references (each a unique index lookup). */
  public List<Invoice> openByNumbersOrReferences(java.util.Collection<String> numbers,
                                                 java.util.Collection<String> references) {
    List<Invoice> found = new ArrayList<>();
    if (!numbers.isEmpty()) {
      found.addAll(jdbc.sql("SELECT * FROM fordra_invoice WHERE invoice_number IN (" + marks(numbers.size())
          + ") AND status IN " + OPEN).params(new ArrayList<Object>(numbers)).query(InvoiceRepository::map).list());
    }
    if (!references.isEmpty()) {
      found.addAll(jdbc.sql("SELECT * FROM fordra_invoice WHERE payment_reference IN (" + marks(references.size())
          + ") AND status IN " + OPEN).params(new ArrayList<Object>(references)).query(InvoiceRepository::map).list());
    }
    return found;
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** Invoices by optional customer, status and issue-date range, newest first, at most limit rows. */
  public List<Invoice> search(String customerNumber, InvoiceStatus status, LocalDate from, LocalDate to, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM fordra_invoice WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (customerNumber != null) {
      sql.append(" AND customer_number = ?");
      params.add(customerNumber);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    if (from != null) {
      sql.append(" AND issue_date >= ?");
      params.add(from);
    }
    if (to != null) {
      sql.append(" AND issue_date <= ?");
      params.add(to);
    }
    sql.append(" ORDER BY issue_date DESC, id DESC LIMIT ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(InvoiceRepository::map).list();
  }

  /**
   * One customer's invoices, issued within the optional period, in the given order, at most limit rows. Uses
   * fordra_invoice_customer_ix (customer_number, issue_date, id).
   */
  public List<Invoice> forCustomer(String customerNumber, LocalDate from, LocalDate to, CustomerSort sort,
                                   boolean descending, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM fordra_invoice WHERE customer_number = ?");
    List<Object> params = new ArrayList<>();
    params.add(customerNumber);
    if (from != null) {
      sql.append(" AND issue_date >= ?");
      params.add(from);
    }
    if (to != null) {
      sql.append(" AND issue_date <= ?");
      params.add(to);
    }
    String direction = descending ? " DESC" : " ASC";
    sql.append(" ORDER BY ").append(sort.column()).append(direction).append(", id").append(direction)
        .append(" LIMIT ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(InvoiceRepository::map).list();
  }

  /** The distinct order references of the invoices' lines, per invoice id, in line order. */
  public java.util.Map<Long, List<String>> orderReferences(java.util.Collection<Long> invoiceIds) {
    java.util.Map<Long, List<String>> references = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(invoiceIds);
    for (int start = 0; start < ids.size(); start += 500) {
      jdbc.sql("""
          SELECT invoice_id, order_reference FROM fordra_invoice_line
          WHERE invoice_id IN (:ids) AND order_reference IS NOT NULL ORDER BY invoice_id, line_number""")
          .param("ids", ids.subList(start, Math.min(ids.size(), start + 500)))
          .query(rs -> {
            List<String> list = references.computeIfAbsent(rs.getLong("invoice_id"), k -> new ArrayList<>());
            String reference = rs.getString("order_reference");
            if (!list.contains(reference)) {
              list.add(reference);
            }
          });
    }
    return references;
  }

  public void updateStatus(long id, InvoiceStatus status) {
    jdbc.sql("UPDATE fordra_invoice SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  /** @return the credit note's id */
  public long insertCreditNote(long invoiceId, BigDecimal amount, String reason, Instant at) {
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO fordra_credit_note (invoice_id, amount, reason, created_at) VALUES (?, ?, ?, ?)")
        .params(invoiceId, amount, reason, utc(at)).update(key, "id");
    return key.getKey().longValue();
  }

  /** The day the ledger booked the credit note on. */
  public void creditNoteBooked(long creditNoteId, LocalDate bookingDate) {
    jdbc.sql("UPDATE fordra_credit_note SET booking_date = ? WHERE id = ?").params(bookingDate, creditNoteId).update();
  }

  /** The day the ledger booked the invoice on (its issue date unless that month was closed). */
  public void invoiceBooked(long invoiceId, LocalDate bookingDate) {
    jdbc.sql("UPDATE fordra_invoice SET booking_date = ? WHERE id = ?").params(bookingDate, invoiceId).update();
  }

  /** The invoices' booking days, per invoice id (the issue date where none was stored). */
  public java.util.Map<Long, LocalDate> bookingDates(java.util.Collection<Long> invoiceIds) {
    java.util.Map<Long, LocalDate> dates = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(invoiceIds);
    for (int start = 0; start < ids.size(); start += 500) {
      jdbc.sql("SELECT id, COALESCE(booking_date, issue_date) AS booked FROM fordra_invoice WHERE id IN (:ids)")
          .param("ids", ids.subList(start, Math.min(ids.size(), start + 500)))
          .query(rs -> {
            dates.put(rs.getLong("id"), rs.getObject("booked", LocalDate.class));
          });
    }
    return dates;
  }

  /** The invoices' dates or periods of supply, per invoice id (only those that have one). */
  public java.util.Map<Long, Supply> supplies(java.util.Collection<Long> invoiceIds) {
    java.util.Map<Long, Supply> supplies = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(invoiceIds);
    for (int start = 0; start < ids.size(); start += 500) {
      jdbc.sql("SELECT invoice_id, delivery_date, period_from, period_to FROM fordra_invoice_supply "
              + "WHERE invoice_id IN (:ids)")
          .param("ids", ids.subList(start, Math.min(ids.size(), start + 500)))
          .query(rs -> {
            supplies.put(rs.getLong("invoice_id"), new Supply(rs.getObject("delivery_date", LocalDate.class),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)));
          });
    }
    return supplies;
  }

  /** A fee or write-off as booked: the aging report as of a day reads what changed the open amount by then. */
  public void insertAdjustment(long invoiceId, String kind, BigDecimal amount, LocalDate bookingDate) {
    jdbc.sql("INSERT INTO fordra_invoice_adjustment (invoice_id, kind, amount, booking_date) VALUES (?, ?, ?, ?)")
        .params(invoiceId, kind, amount, bookingDate).update();
  }

  /** The invoice's credit notes, oldest first, numbered 1, 2 … in that order. */
  public List<CreditNote> creditNotes(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_credit_note WHERE invoice_id = ? ORDER BY id").param(invoiceId)
        .query((rs, row) -> new CreditNote(rs.getLong("id"), invoiceId, row + 1, rs.getBigDecimal("amount"),
            rs.getString("reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public void updateWrittenOff(long id, BigDecimal writtenOffAmount) {
    jdbc.sql("UPDATE fordra_invoice SET written_off_amount = ? WHERE id = ?").params(writtenOffAmount, id).update();
  }

  public void updateRefunded(long id, BigDecimal refundedAmount) {
    jdbc.sql("UPDATE fordra_invoice SET refunded_amount = ? WHERE id = ?").params(refundedAmount, id).update();
  }

  public void updateDisputedAmount(long id, BigDecimal disputedAmount) {
    jdbc.sql("UPDATE fordra_invoice SET disputed_amount = ? WHERE id = ?").params(disputedAmount, id).update();
  }

  public void updateCredited(long id, BigDecimal creditedAmount) {
    jdbc.sql("UPDATE fordra_invoice SET credited_amount = ? WHERE id = ?").params(creditedAmount, id).update();
  }

  public void updatePayment(long id, BigDecimal paidAmount, BigDecimal creditBalance) {
    jdbc.sql("UPDATE fordra_invoice SET paid_amount = ?, credit_balance = ? WHERE id = ?")
        .params(paidAmount, creditBalance, id).update();
  }

  /** A reminder or notice was prepared: its fee, the new dunning level and the new deadline. */
  public void updateDunning(long id, BigDecimal feesAmount, int dunningLevel, int remindersSent,
                            int reminderFeesCharged, LocalDate payBy) {
    jdbc.sql("""
        UPDATE fordra_invoice SET fees_amount = ?, dunning_level = ?, reminders_sent = ?, reminder_fees_charged = ?,
          pay_by = ? WHERE id = ?""")
        .params(feesAmount, dunningLevel, remindersSent, reminderFeesCharged, payBy, id).update();
  }

  /** Records the event; returns its id. */
  public long insertEvent(long invoiceId, Instant at, InvoiceEvent e) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_invoice_event (invoice_id, occurred_at, event_type, channel, recipient, message)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(invoiceId, utc(at), e.type().name(), e.channel(), e.recipient(), truncate(e.message(), 1000))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  public List<InvoiceEvent> events(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_invoice_event WHERE invoice_id = ? ORDER BY id")
        .param(invoiceId)
        .query((rs, n) -> new InvoiceEvent(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            InvoiceEventType.valueOf(rs.getString("event_type")), rs.getString("channel"),
            rs.getString("recipient"), rs.getString("message")))
        .list();
  }

  private static Invoice map(ResultSet rs, int row) throws SQLException {
    return new Invoice(
        rs.getLong("id"),
        rs.getString("invoice_number"),
        rs.getString("customer_number"),
        InvoiceStatus.valueOf(rs.getString("status")),
        rs.getObject("issue_date", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        Currency.valueOf(rs.getString("currency")),
        rs.getBigDecimal("net_amount"),
        rs.getBigDecimal("vat_amount"),
        rs.getBigDecimal("total_amount"),
        rs.getBigDecimal("paid_amount"),
        rs.getBigDecimal("fees_amount"),
        rs.getBigDecimal("credit_balance"),
        rs.getBigDecimal("credited_amount"),
        rs.getBigDecimal("disputed_amount"),
        rs.getBigDecimal("written_off_amount"),
        rs.getBigDecimal("refunded_amount"),
        rs.getString("payment_reference"),
        rs.getInt("dunning_level"),
        rs.getInt("reminders_sent"),
        rs.getInt("reminder_fees_charged"),
        rs.getObject("pay_by", LocalDate.class),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("migrated_from") != null);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database Fordra runs on", e);
    }
  }
}
