package io.fordra.payment.file;

import static io.fordra.payment.file.Camt054View.orEmpty;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateAdapter;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification2;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV02;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BatchInformation2;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions1;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions2;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import io.fordra.payment.file.Camt054View.Batch;
import io.fordra.payment.file.Camt054View.Count;
import io.fordra.payment.file.Camt054View.Details;
import io.fordra.payment.file.Camt054View.Direction;
import io.fordra.payment.file.Camt054View.Entry;
import io.fordra.payment.file.Camt054View.Message;
import io.fordra.payment.file.Camt054View.Money;
import io.fordra.payment.file.Camt054View.Net;
import io.fordra.payment.file.Camt054View.Notification;
import io.fordra.payment.file.Camt054View.Summary;
import io.fordra.payment.file.Camt054View.Transaction;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a camt.054 document with prowide's model for its version and turns it into a {@link Camt054View}.
 * prowide's JAXB unmarshalling is lenient: a value it cannot read (e.g. amount "12,50") becomes null and unknown
 * elements are skipped. So every read collects JAXB's validation events, which the reader reports as problems, and
 * reads dates strictly.
 */
final class Camt054Binding {

  /** The camt.054 versions read, by the last part of their namespace (camt.054.001.NN). */
  enum Version {
    V02("001.02", MxCamt05400102.class, MxCamt05400102._classes,
        (xml, conf) -> fromV02(get(MxCamt05400102.parse(xml, conf), mx -> mx.getBkToCstmrDbtCdtNtfctn()))),
    V08("001.08", MxCamt05400108.class, MxCamt05400108._classes,
        (xml, conf) -> fromV08(get(MxCamt05400108.parse(xml, conf), mx -> mx.getBkToCstmrDbtCdtNtfctn())));

    final String number;
    private final Class<? extends AbstractMX> type;
    private final Class<?>[] classes;
    private final BiFunction<String, MxReadConfiguration, Message> read;

    Version(String number, Class<? extends AbstractMX> type, Class<?>[] classes,
            BiFunction<String, MxReadConfiguration, Message> read) {
      this.number = number;
      this.type = type;
      this.classes = classes;
      this.read = read;
    }

    static Version of(String number) {
      for (Version version : values()) {
        if (version.number.equals(number)) {
          return version;
        }
      }
      return null;
    }
  }

  /** The document as the reader sees it, and what JAXB said while reading it. */
  record Read(Message message, List<ValidationEvent> events) {
  }

  private Camt054Binding() {
  }

  /** @throws com.prowidesoftware.ProwideException if prowide cannot read the text at all */
  static Read read(Version version, String xml) {
    RecordingContext context;
    try {
      context = new RecordingContext(JaxbContextLoader.INSTANCE.get(version.type, version.classes));
    } catch (JAXBException | ExecutionException e) {
      throw new IllegalStateException("prowide's JAXB context for camt.054." + version.number + " cannot be made", e);
    }
    MxReadConfiguration configuration = new MxReadConfiguration();
    configuration.context = context;
    configuration.adapters.dateAdapter = new IsoDateAdapter(new StrictDate());
    configuration.adapters.dateTimeAdapter = new IsoDateTimeAdapter(new StrictDateTime());
    Message message = version.read.apply(xml, configuration);
    return new Read(message, List.copyOf(context.events));
  }

  // camt.054.001.02

  private static Message fromV02(BankToCustomerDebitCreditNotificationV02 document) {
    if (document == null) {
      return new Message(null);
    }
    return new Message(orEmpty(document.getNtfctn()).stream().map(Camt054Binding::notification).toList());
  }

  private static Notification notification(AccountNotification2 notification) {
    return new Notification(account(get(notification.getAcct(), a -> a.getId())),
        summary(notification.getTxsSummry()),
        orEmpty(notification.getNtry()).stream().map(Camt054Binding::entry).toList());
  }

  private static Summary summary(TotalTransactions2 summary) {
    if (summary == null) {
      return null;
    }
    var all = summary.getTtlNtries();
    return new Summary(all == null ? null : new Count(all.getNbOfNtries(), all.getSum()),
        all == null || all.getTtlNetNtryAmt() == null ? null
            : new Net("TtlNetNtryAmt", all.getTtlNetNtryAmt(), direction(all.getCdtDbtInd())),
        count(summary.getTtlCdtNtries()), count(summary.getTtlDbtNtries()));
  }

  private static Entry entry(ReportEntry2 entry) {
    var booked = entry.getBookgDt();
    return new Entry(money(entry.getAmt()), direction(entry.getCdtDbtInd()), get(entry.getSts(), s -> s.value()), null,
        booked == null ? null : date(booked.getDt(), booked.getDtTm()), entry.getAcctSvcrRef(),
        orEmpty(entry.getNtryDtls()).stream()
            .map(d -> new Details(batch(d.getBtch()),
                orEmpty(d.getTxDtls()).stream().map(Camt054Binding::transaction).toList()))
            .toList());
  }

  private static Transaction transaction(EntryTransaction2 tx) {
    var remittance = tx.getRmtInf();
    return new Transaction(get(tx.getRefs(), r -> r.getAcctSvcrRef()), get(tx.getRefs(), r -> r.getEndToEndId()),
        null, null, transactionAmount(tx.getAmtDtls()),
        get(get(tx.getRltdPties(), p -> p.getDbtr()), d -> d.getNm()),
        references(remittance == null ? List.of()
            : orEmpty(remittance.getStrd()).stream().map(s -> s.getCdtrRefInf()).toList()),
        remittance == null ? List.of() : orEmpty(remittance.getUstrd()));
  }

  // camt.054.001.08

  private static Message fromV08(BankToCustomerDebitCreditNotificationV08 document) {
    if (document == null) {
      return new Message(null);
    }
    return new Message(orEmpty(document.getNtfctn()).stream().map(Camt054Binding::notification).toList());
  }

  private static Notification notification(AccountNotification17 notification) {
    return new Notification(account(get(notification.getAcct(), a -> a.getId())),
        summary(notification.getTxsSummry()),
        orEmpty(notification.getNtry()).stream().map(Camt054Binding::entry).toList());
  }

  private static Summary summary(TotalTransactions6 summary) {
    if (summary == null) {
      return null;
    }
    var all = summary.getTtlNtries();
    var net = get(all, a -> a.getTtlNetNtry());
    return new Summary(all == null ? null : new Count(all.getNbOfNtries(), all.getSum()),
        net == null ? null : new Net("TtlNetNtry/Amt", net.getAmt(), direction(net.getCdtDbtInd())),
        count(summary.getTtlCdtNtries()), count(summary.getTtlDbtNtries()));
  }

  private static Entry entry(ReportEntry10 entry) {
    var booked = entry.getBookgDt();
    return new Entry(money(entry.getAmt()), direction(entry.getCdtDbtInd()), get(entry.getSts(), s -> s.getCd()),
        get(entry.getSts(), s -> s.getPrtry()), booked == null ? null : date(booked.getDt(), booked.getDtTm()),
        entry.getAcctSvcrRef(),
        orEmpty(entry.getNtryDtls()).stream()
            .map(d -> new Details(batch(d.getBtch()),
                orEmpty(d.getTxDtls()).stream().map(Camt054Binding::transaction).toList()))
            .toList());
  }

  private static Transaction transaction(EntryTransaction10 tx) {
    var remittance = tx.getRmtInf();
    return new Transaction(get(tx.getRefs(), r -> r.getAcctSvcrRef()), get(tx.getRefs(), r -> r.getEndToEndId()),
        money(tx.getAmt()), direction(tx.getCdtDbtInd()), transactionAmount(tx.getAmtDtls()),
        get(get(get(tx.getRltdPties(), p -> p.getDbtr()), d -> d.getPty()), p -> p.getNm()),
        references(remittance == null ? List.of()
            : orEmpty(remittance.getStrd()).stream().map(s -> s.getCdtrRefInf()).toList()),
        remittance == null ? List.of() : orEmpty(remittance.getUstrd()));
  }

  // types both versions share

  private static String account(AccountIdentification4Choice id) {
    if (id == null) {
      return null;
    }
    return id.getIBAN() != null ? id.getIBAN() : get(id.getOthr(), o -> o.getId());
  }

  private static Count count(NumberAndSumOfTransactions1 count) {
    return count == null ? null : new Count(count.getNbOfNtries(), count.getSum());
  }

  private static Batch batch(BatchInformation2 batch) {
    return batch == null ? null
        : new Batch(batch.getNbOfTxs(), money(batch.getTtlAmt()), direction(batch.getCdtDbtInd()));
  }

  private static Money transactionAmount(AmountAndCurrencyExchange3 details) {
    return money(get(get(details, d -> d.getTxAmt()), t -> t.getAmt()));
  }

  private static Money money(ActiveOrHistoricCurrencyAndAmount amount) {
    return amount == null ? null : new Money(amount.getValue(), amount.getCcy());
  }

  private static Direction direction(CreditDebitCode code) {
    return code == null ? null : Direction.valueOf(code.name());
  }

  private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
    return date != null ? date : get(dateTime, OffsetDateTime::toLocalDate);
  }

  /** CdtrRefInf/Ref of each Strd that has one, in order. */
  private static List<String> references(List<CreditorReferenceInformation2> creditorReferences) {
    return creditorReferences.stream().filter(Objects::nonNull).map(CreditorReferenceInformation2::getRef)
        .filter(Objects::nonNull).toList();
  }

  private static <A, B> B get(A from, Function<A, B> getter) {
    return from == null ? null : getter.apply(from);
  }

  /** xs:date, strictly: prowide's own adapter reads 2026-02-30 as 2026-02-28. */
  private static final class StrictDate extends XmlAdapter<String, LocalDate> {

    @Override
    public LocalDate unmarshal(String text) {
      return text == null ? null : LocalDate.parse(text.strip(), DateTimeFormatter.ISO_DATE);
    }

    @Override
    public String marshal(LocalDate date) {
      return date == null ? null : date.toString();
    }
  }

  /** xs:dateTime, strictly; without an offset the time is taken as written (its date stays the written date). */
  private static final class StrictDateTime extends XmlAdapter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime unmarshal(String text) {
      if (text == null) {
        return null;
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from,
          LocalDateTime::from);
      return parsed instanceof OffsetDateTime dateTime ? dateTime : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    @Override
    public String marshal(OffsetDateTime dateTime) {
      return dateTime == null ? null : dateTime.toString();
    }
  }

  /** prowide's context for the version, whose unmarshallers record every validation event instead of dropping it. */
  private static final class RecordingContext extends JAXBContext {

    private final JAXBContext delegate;
    private final List<ValidationEvent> events = new ArrayList<>();

    RecordingContext(JAXBContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public Unmarshaller createUnmarshaller() throws JAXBException {
      Unmarshaller unmarshaller = delegate.createUnmarshaller();
      unmarshaller.setEventHandler(event -> {
        events.add(event);
        return true;
      });
      return unmarshaller;
    }

    @Override
    public Marshaller createMarshaller() throws JAXBException {
      return delegate.createMarshaller();
    }
  }
}
