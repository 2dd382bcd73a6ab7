package io.fordra.autogiro;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The debit orders (fordra_direct_debit, registered by distribution) on their way to the bank and back: claimed into
 * one payment file by a conditional update, so that two nodes never write one order twice.
 */
@Repository
class DebitOrderRepository {

  /** An order with what the file needs: the invoice's reference and the payer number of the ACTIVE mandate. */
  record DebitOrder(long id, long invoiceId, String invoiceNumber, String invoiceStatus, String customerNumber,
                    String country, BigDecimal amount, LocalDate debitDate, String status, String reference,
                    String activePayerNumber, String filePayerNumber, LocalDate fileDebitDate, String fileName,
                    Instant waitingReportedAt) {}

  private static final String SELECT = """
      SELECT d.id, d.invoice_id, i.invoice_number, i.status AS invoice_status, i.customer_number, c.country,
             d.amount, d.debit_date, d.status, COALESCE(d.reference, i.payment_reference) AS reference,
             (SELECT MIN(m.payer_number) FROM fordra_mandate m
               WHERE m.scheme = ? AND m.status = 'ACTIVE'
                 AND (m.customer_number = i.customer_number OR m.payer_number = d.mandate)) AS active_payer_number,
             d.payer_number, d.file_debit_date, d.file_name, d.waiting_reported_at
        FROM fordra_direct_debit d
        JOIN fordra_invoice i ON i.id = d.invoice_id
        JOIN fordra_customer c ON c.customer_number = i.customer_number
      """;

  private final JdbcClient jdbc;

  DebitOrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Orders still to be sent whose debit date is on or before the day, of invoices to customers in the country. */
  List<DebitOrder> registered(String scheme, String country, LocalDate debitOnOrBefore) {
    return jdbc.sql(SELECT + " WHERE d.status = 'REGISTERED' AND c.country = ? AND d.debit_date <= ? ORDER BY d.id")
        .params(scheme, country, debitOnOrBefore).query(DebitOrderRepository::map).list();
  }

  Optional<DebitOrder> forInvoice(String scheme, long invoiceId) {
    return jdbc.sql(SELECT + " WHERE d.invoice_id = ?").params(scheme, invoiceId).query(DebitOrderRepository::map)
        .optional();
  }

  /** The order a bank result is about: sent to the bank with this payer number and reference (latest first). */
  Optional<DebitOrder> sent(String scheme, String payerNumber, String reference) {
    return jdbc.sql(SELECT + " WHERE d.payer_number = ? AND d.reference = ? AND d.file_name IS NOT NULL"
            + " ORDER BY d.id DESC").params(scheme, payerNumber, reference).query(DebitOrderRepository::map).list()
        .stream().findFirst();
  }

  /** REGISTERED -> IN_FILE: true for the one node that claims the order. */
  boolean claim(long id, String fileName, String payerNumber, String reference, LocalDate fileDebitDate, Instant at) {
    return jdbc.sql("""
        UPDATE fordra_direct_debit SET status = 'IN_FILE', file_name = ?, payer_number = ?, reference = ?,
               file_debit_date = ?, updated_at = ?
         WHERE id = ? AND status = 'REGISTERED'""")
        .params(fileName, payerNumber, reference, fileDebitDate, utc(at), id).update() == 1;
  }

  /** CANCELLING -> CANCELLED in the file that carries the cancellation. */
  boolean claimCancellation(long id, String fileName, Instant at) {
    return jdbc.sql("""
        UPDATE fordra_direct_debit SET status = 'CANCELLED', cancel_file_name = ?, updated_at = ?
         WHERE id = ? AND status = 'CANCELLING'""").params(fileName, utc(at), id).update() == 1;
  }

  /** Orders to cancel of invoices to customers in the country. */
  List<Long> cancelling(String country) {
    return jdbc.sql("""
        SELECT d.id FROM fordra_direct_debit d JOIN fordra_invoice i ON i.id = d.invoice_id
          JOIN fordra_customer c ON c.customer_number = i.customer_number
         WHERE d.status = 'CANCELLING' AND c.country = ? ORDER BY d.id""").param(country).query(Long.class).list();
  }

  /** A status change that only happens from one of the given statuses; true if it did. */
  boolean move(long id, List<String> from, String to, String reason, Instant at) {
    return jdbc.sql("UPDATE fordra_direct_debit SET status = :to, reason = COALESCE(:reason, reason), updated_at = :at"
            + " WHERE id = :id AND status IN (:from)")
        .param("to", to).param("reason", reason).param("at", utc(at)).param("id", id).param("from", from)
        .update() == 1;
  }

  void waitingReported(long id, String reason, Instant at) {
    jdbc.sql("UPDATE fordra_direct_debit SET waiting_reported_at = ?, reason = ?, updated_at = ? WHERE id = ?")
        .params(utc(at), reason, utc(at), id).update();
  }

  /** Files whose orders are claimed but not yet written (this run's, or one a crash left). */
  List<String> unwrittenFiles(String prefix) {
    return jdbc.sql("""
        SELECT file_name FROM fordra_direct_debit
         WHERE file_name IS NOT NULL AND file_written_at IS NULL AND file_name LIKE ?
        UNION SELECT cancel_file_name FROM fordra_direct_debit
               WHERE cancel_file_name IS NOT NULL AND cancel_written_at IS NULL AND cancel_file_name LIKE ?""")
        .params(prefix + "%", prefix + "%").query(String.class).list().stream().sorted().toList();
  }

  /** An order as its file carries it. */
  record FileOrder(long id, String payerNumber, LocalDate debitDate, BigDecimal amount, String reference,
                   String payerName, boolean bankNotifies) {

    AutogiroPaymentRecords.Order autogiro() {
      return new AutogiroPaymentRecords.Order(payerNumber, debitDate, amount, reference);
    }
  }

  private static final String FILE_ORDER = """
      SELECT d.id, d.payer_number, d.file_debit_date, d.amount, d.reference, c.name,
             (SELECT MAX(CASE WHEN m.bank_notifies THEN 1 ELSE 0 END) FROM fordra_mandate m
               WHERE m.scheme = 'AVTALEGIRO' AND m.payer_number = d.payer_number) AS bank_notifies
        FROM fordra_direct_debit d JOIN fordra_invoice i ON i.id = d.invoice_id
        JOIN fordra_customer c ON c.customer_number = i.customer_number
      """;

  List<FileOrder> payments(String fileName) {
    return jdbc.sql(FILE_ORDER + " WHERE d.file_name = ? ORDER BY d.id").param(fileName)
        .query(DebitOrderRepository::fileOrder).list();
  }

  List<FileOrder> cancellations(String fileName) {
    return jdbc.sql(FILE_ORDER + " WHERE d.cancel_file_name = ? ORDER BY d.id").param(fileName)
        .query(DebitOrderRepository::fileOrder).list();
  }

  private static FileOrder fileOrder(ResultSet rs, int row) throws SQLException {
    return new FileOrder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
        rs.getString(5), rs.getString(6), rs.getInt(7) == 1);
  }

  void written(String fileName, Instant at) {
    jdbc.sql("UPDATE fordra_direct_debit SET file_written_at = ? WHERE file_name = ? AND file_written_at IS NULL")
        .params(utc(at), fileName).update();
    jdbc.sql("UPDATE fordra_direct_debit SET cancel_written_at = ? WHERE cancel_file_name = ?"
        + " AND cancel_written_at IS NULL").params(utc(at), fileName).update();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static DebitOrder map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime reported = rs.getObject("waiting_reported_at", OffsetDateTime.class);
    return new DebitOrder(rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("invoice_number"),
        rs.getString("invoice_status"), rs.getString("customer_number"), rs.getString("country"),
        rs.getBigDecimal("amount"), rs.getObject("debit_date", LocalDate.class), rs.getString("status"),
        rs.getString("reference"), rs.getString("active_payer_number"), rs.getString("payer_number"),
        rs.getObject("file_debit_date", LocalDate.class), rs.getString("file_name"),
        reported == null ? null : reported.toInstant());
  }
}
