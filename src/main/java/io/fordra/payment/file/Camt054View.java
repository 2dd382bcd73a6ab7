package io.fordra.payment.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Camt054Reader} needs from a camt.054 notification, the same for every supported version. It is filled
 * from prowide's model ({@link Camt054Binding}); a value the file lacks, or that prowide could not read, is null.
 */
final class Camt054View {

  private Camt054View() {
  }

  /** CdtDbtInd: CRDT money in, DBIT money out. */
  enum Direction { CRDT, DBIT }

  /** BkToCstmrDbtCdtNtfctn; null notifications when the element itself is missing. */
  record Message(List<Notification> notifications) {
  }

  /** Ntfctn. Account is Acct/Id/IBAN or Acct/Id/Othr/Id; summary is TxsSummry, null if absent. */
  record Notification(String account, Summary summary, List<Entry> entries) {
  }

  /** TxsSummry: each part null when the file leaves it out. */
  record Summary(Count all, Net net, Count credits, Count debits) {
  }

  /** NbOfNtries (a numeric text) and Sum. */
  record Count(String number, BigDecimal sum) {
  }

  /** TtlNtries/TtlNetNtryAmt + CdtDbtInd (.02, .03) or TtlNtries/TtlNetNtry/Amt + CdtDbtInd (.04+): its path. */
  record Net(String element, BigDecimal amount, Direction direction) {
  }

  /** An amount with its Ccy attribute; either may be null. */
  record Money(BigDecimal value, String currency) {
  }

  /**
   * Ntry. Status is the code (BOOK, PDNG, INFO, FUTR), null if missing or not one the version knows;
   * proprietaryStatus is Sts/Prtry (.07+). Booking date is BookgDt/Dt, else the date of BookgDt/DtTm. reversal is
   * RvslInd true; code is BkTxCd, null if absent.
   */
  record Entry(Money amount, Direction direction, String status, String proprietaryStatus, LocalDate bookingDate,
               boolean reversal, String accountServicerReference, TransactionCode code, List<Details> details) {
  }

  /** BkTxCd: Domn/Cd, Domn/Fmly/Cd, Domn/Fmly/SubFmlyCd and Prtry/Cd, each null if absent. */
  record TransactionCode(String domain, String family, String subFamily, String proprietary) {

    @Override
    public String toString() {
      return domain == null ? "Prtry " + proprietary : domain + "/" + family + "/" + subFamily;
    }
  }

  /** NtryDtls: Btch (null if absent) and its TxDtls. */
  record Details(Batch batch, List<Transaction> transactions) {
  }

  /** Btch: NbOfTxs, TtlAmt, CdtDbtInd. */
  record Batch(String numberOfTransactions, Money total, Direction direction) {
  }

  /**
   * TxDtls. amount/direction are TxDtls/Amt and TxDtls/CdtDbtInd (not in .02); transactionAmount is
   * AmtDtls/TxAmt/Amt; uetr is Refs/UETR (.08+). references are RmtInf/Strd/CdtrRefInf/Ref in order, unstructured
   * RmtInf/Ustrd in order. code is the transaction's own BkTxCd; returned is whether it has RtrInf.
   */
  record Transaction(String accountServicerReference, String endToEndId, String uetr, Money amount,
                     Direction direction, Money transactionAmount, String payerName, List<String> references,
                     List<String> unstructured, TransactionCode code, boolean returned) {
  }

}
