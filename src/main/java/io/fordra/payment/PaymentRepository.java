package io.fordra.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentRepository {

  private final JdbcClient jdbc;

  public PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Payment> findByTransaction(String bankTransactionId) {
    return jdbc.sql("SELECT * FROM fordra_payment WHERE bank_transaction_id = ?")
        .param(bankTransactionId).query(PaymentRepository::map).optional();
  }

  public Optional<Payment> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_payment WHERE id = ?").param(id).query(PaymentRepository::map).optional();
  }

  public long insert(Payment p) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_payment (bank_transaction_id, invoice_id, payment_reference, stated_invoice_number, amount,
          currency, paid_at, status, overpaid_amount, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.bankTransactionId(), p.invoiceId(), p.paymentReference(), p.statedInvoiceNumber(), p.amount(),
            p.currency(), p.paidAt(), p.status().name(), p.overpaidAmount(),
            OffsetDateTime.ofInstant(p.receivedAt(), ZoneOffset.UTC))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** A share of a kept payment that a person booked on an invoice names the kept payment. */
  /** The day the ledger booked the payment on (its payment date unless that month was closed). */
  public void booked(long paymentId, java.time.LocalDate bookingDate) {
    jdbc.sql("UPDATE fordra_payment SET booking_date = ? WHERE id = ?").params(bookingDate, paymentId).update();
  }

  public void allocatedFrom(long paymentId, long keptPaymentId) {
    jdbc.sql("UPDATE fordra_payment SET allocated_from = ? WHERE id = ?").params(keptPaymentId, paymentId).update();
  }

  /** Ties a booked or kept payment to the file it came from, with what the bank said about it. */
  public void describe(long id, Long paymentFileId, String payerName, String remittanceText, String note) {
    jdbc.sql("UPDATE fordra_payment SET payment_file_id = ?, payer_name = ?, remittance_text = ?, note = ? WHERE id = ?")
        .params(paymentFileId, payerName, remittanceText, note, id).update();
  }

  /** Who paid, as the bank file said: for matching by hand. */
  public void describePayer(long id, String organisationNumber, String account) {
    jdbc.sql("UPDATE fordra_payment SET payer_organisation_number = ?, payer_account = ? WHERE id = ?")
        .params(organisationNumber, account, id).update();
  }

  /** What the bank said about who paid and why. */
  public Remitter remitter(long id) {
    return jdbc.sql("SELECT payer_name, payer_organisation_number, payer_account, remittance_text FROM fordra_payment"
            + " WHERE id = ?").param(id)
        .query((rs, n) -> new Remitter(rs.getString("payer_name"), rs.getString("payer_organisation_number"),
            rs.getString("payer_account"), rs.getString("remittance_text"))).single();
  }

  /** A kept payment is settled by hand: its new status and why. */
  public void settle(long id, Payment.PaymentStatus status, String note) {
    jdbc.sql("UPDATE fordra_payment SET status = ?, note = ? WHERE id = ?").params(status.name(), note, id).update();
  }

  public Optional<Payment> lock(long id) {
    return jdbc.sql("SELECT * FROM fordra_payment WHERE id = ? FOR UPDATE").param(id)
        .query(PaymentRepository::map).optional();
  }

  public String note(long id) {
    return jdbc.sql("SELECT note FROM fordra_payment WHERE id = ?").param(id).query(String.class).single();
  }

  /** The payments booked on an invoice, in the order they were paid. */
  public java.util.List<Payment> forInvoice(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_payment WHERE invoice_id = ? AND status = 'MATCHED' ORDER BY paid_at, id")
        .param(invoiceId).query(PaymentRepository::map).list();
  }

  public java.util.List<Payment> ofFile(long paymentFileId) {
    return jdbc.sql("SELECT * FROM fordra_payment WHERE payment_file_id = ? ORDER BY id").param(paymentFileId)
        .query(PaymentRepository::map).list();
  }

  private static Payment map(ResultSet rs, int row) throws SQLException {
    return new Payment(
        rs.getLong("id"),
        rs.getString("bank_transaction_id"),
        rs.getObject("invoice_id", Long.class),
        rs.getString("payment_reference"),
        rs.getString("stated_invoice_number"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getObject("paid_at", LocalDate.class),
        Payment.PaymentStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("overpaid_amount"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant());
  }
}
