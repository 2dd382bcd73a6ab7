package io.fordra.payment.file;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateAdapter;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
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
import io.fordra.payment.file.Camt054View.TransactionCode;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Reads a camt.054 document with prowide's model for its version and turns it into a {@link Camt054View}.
 *
 * <p>Every version prowide has (camt.054.001.02 onwards) is read by the same code: prowide generates one set of
 * classes per version (ReportEntry2, ReportEntry4, ... ReportEntry15), but names each getter after its XML element
 * (getNtry, getAmt, getCdtDbtInd). So the view is filled by element names ({@link Node}), and what a version lacks
 * (TxDtls/Amt before .03, Refs/UETR before .08) is simply absent. The few real differences are handled where they
 * are: Sts is a code (.02-.06) or a choice of Cd/Prtry (.07+); the net total is TtlNetNtryAmt (.02, .03) or
 * TtlNetNtry/Amt (.04+); the debtor's name is Dbtr/Nm (.02-.06) or Dbtr/Pty/Nm (.07+).
 *
 * <p>prowide's JAXB unmarshalling is lenient: a value it cannot read (e.g. amount "12,50") becomes null and unknown
 * elements are skipped. So every read collects JAXB's validation events, which the reader reports as problems, and
 * reads dates strictly.
 */
final class Camt054Binding {

  private static final String MODEL = "com.prowidesoftware.swift.model.mx.MxCamt054001";

  /** The camt.054 versions read: every camt.054.001.NN prowide has a model for, from 02 on. */
  static final List<Version> VERSIONS = versions();

  /** A camt.054 version: the last part of its namespace (001.NN) and prowide's model of it. */
  record Version(String number, Class<? extends AbstractMX> type) {

    static Version of(String number) {
      return VERSIONS.stream().filter(v -> v.number.equals(number)).findFirst().orElse(null);
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
      context = new RecordingContext(JaxbContextLoader.INSTANCE.get(version.type, classes(version.type)));
    } catch (JAXBException | ExecutionException e) {
      throw new IllegalStateException("prowide's JAXB context for camt.054." + version.number + " cannot be made", e);
    }
    MxReadConfiguration configuration = new MxReadConfiguration();
    configuration.context = context;
    configuration.adapters.dateAdapter = new IsoDateAdapter(new StrictDate());
    configuration.adapters.dateTimeAdapter = new IsoDateTimeAdapter(new StrictDateTime());
    Object mx = invoke(version.type, "parse", new Class<?>[] {String.class, MxReadConfiguration.class}, xml,
        configuration);
    Message message = message(new Node(mx).node("BkToCstmrDbtCdtNtfctn"));
    return new Read(message, List.copyOf(context.events));
  }

  private static List<Version> versions() {
    List<Version> versions = new ArrayList<>();
    for (int n = 2; n < 100; n++) {
      String number = String.format("001.%02d", n);
      try {
        versions.add(new Version(number, Class.forName(MODEL + String.format("%02d", n)).asSubclass(AbstractMX.class)));
      } catch (ClassNotFoundException e) {
        break;
      }
    }
    return List.copyOf(versions);
  }

  private static Class<?>[] classes(Class<?> type) {
    try {
      return (Class<?>[]) type.getField("_classes").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no _classes", e);
    }
  }

  // from prowide's model to the view, by element names

  private static Message message(Node document) {
    if (document.absent()) {
      return new Message(null);
    }
    return new Message(document.all("Ntfctn").stream().map(Camt054Binding::notification).toList());
  }

  private static Notification notification(Node notification) {
    Node id = notification.node("Acct/Id");
    String account = id.text("IBAN") != null ? id.text("IBAN") : id.text("Othr/Id");
    return new Notification(account, summary(notification.node("TxsSummry")),
        notification.all("Ntry").stream().map(Camt054Binding::entry).toList());
  }

  private static Summary summary(Node summary) {
    if (summary.absent()) {
      return null;
    }
    Node all = summary.node("TtlNtries");
    Net net = null;
    if (all.value("TtlNetNtryAmt") != null) {
      net = new Net("TtlNetNtryAmt", all.decimal("TtlNetNtryAmt"), direction(all.node("CdtDbtInd")));
    } else if (!all.node("TtlNetNtry").absent()) {
      net = new Net("TtlNetNtry/Amt", all.decimal("TtlNetNtry/Amt"), direction(all.node("TtlNetNtry/CdtDbtInd")));
    }
    return new Summary(count(all), net, count(summary.node("TtlCdtNtries")), count(summary.node("TtlDbtNtries")));
  }

  private static Count count(Node count) {
    return count.absent() ? null : new Count(count.text("NbOfNtries"), count.decimal("Sum"));
  }

  private static Entry entry(Node entry) {
    Node status = entry.node("Sts");
    // .02-.06: Sts is a code (an enum); .07+: a choice of Cd and Prtry
    String code = status.value() instanceof Enum<?> e ? e.name() : status.text("Cd");
    Node booked = entry.node("BookgDt");
    Object reversal = entry.value("RvslInd");
    return new Entry(money(entry.node("Amt")), direction(entry.node("CdtDbtInd")), code, status.text("Prtry"),
        booked.absent() ? null : date(booked), Boolean.TRUE.equals(reversal), entry.text("AcctSvcrRef"),
        transactionCode(entry.node("BkTxCd")),
        entry.all("NtryDtls").stream()
            .map(d -> new Details(batch(d.node("Btch")), d.all("TxDtls").stream().map(Camt054Binding::transaction)
                .toList()))
            .toList());
  }

  private static Transaction transaction(Node tx) {
    Node refs = tx.node("Refs");
    Node debtor = tx.node("RltdPties/Dbtr");
    String payer = debtor.text("Pty/Nm") != null ? debtor.text("Pty/Nm") : debtor.text("Nm");
    Node remittance = tx.node("RmtInf");
    List<String> references = remittance.all("Strd").stream().map(s -> s.text("CdtrRefInf/Ref"))
        .filter(Objects::nonNull).toList();
    List<String> unstructured = remittance.all("Ustrd").stream().map(u -> (String) u.value())
        .filter(Objects::nonNull).toList();
    return new Transaction(refs.text("AcctSvcrRef"), refs.text("EndToEndId"), refs.text("UETR"),
        money(tx.node("Amt")), direction(tx.node("CdtDbtInd")), money(tx.node("AmtDtls/TxAmt/Amt")), payer,
        references, unstructured, transactionCode(tx.node("BkTxCd")), !tx.node("RtrInf").absent());
  }

  private static TransactionCode transactionCode(Node code) {
    if (code.absent()) {
      return null;
    }
    return new TransactionCode(code.text("Domn/Cd"), code.text("Domn/Fmly/Cd"), code.text("Domn/Fmly/SubFmlyCd"),
        code.text("Prtry/Cd"));
  }

  private static Batch batch(Node batch) {
    return batch.absent() ? null
        : new Batch(batch.text("NbOfTxs"), money(batch.node("TtlAmt")), direction(batch.node("CdtDbtInd")));
  }

  private static Money money(Node amount) {
    return amount.absent() ? null : new Money(amount.decimal("Value"), amount.text("Ccy"));
  }

  private static Direction direction(Node code) {
    return code.value() instanceof Enum<?> e ? Direction.valueOf(e.name()) : null;
  }

  private static LocalDate date(Node dateOrDateTime) {
    if (dateOrDateTime.value("Dt") instanceof LocalDate date) {
      return date;
    }
    return dateOrDateTime.value("DtTm") instanceof OffsetDateTime dateTime ? dateTime.toLocalDate() : null;
  }

  /**
   * A value of prowide's model, read by element names: {@code node("Refs/UETR")} calls getRefs().getUETR(). An
   * element the version does not have, or the file leaves out, is an absent node.
   */
  private record Node(Object value) {

    private static final Map<Class<?>, Map<String, Optional<Method>>> GETTERS = new ConcurrentHashMap<>();

    boolean absent() {
      return value == null;
    }

    Node node(String path) {
      Object current = value;
      for (String name : path.split("/")) {
        current = current == null ? null : get(current, name);
      }
      return new Node(current);
    }

    Object value(String path) {
      return node(path).value;
    }

    String text(String path) {
      return value(path) instanceof String text ? text : null;
    }

    BigDecimal decimal(String path) {
      return value(path) instanceof BigDecimal decimal ? decimal : null;
    }

    /** A repeated element: every occurrence, in file order. */
    List<Node> all(String path) {
      Object list = value(path);
      if (list instanceof List<?> values) {
        return values.stream().map(Node::new).toList();
      }
      return list == null ? List.of() : List.of(new Node(list));
    }

    private static Object get(Object from, String element) {
      Optional<Method> getter = GETTERS.computeIfAbsent(from.getClass(), c -> new ConcurrentHashMap<>())
          .computeIfAbsent(element, name -> getter(from.getClass(), name));
      if (getter.isEmpty()) {
        return null;
      }
      try {
        return getter.get().invoke(from);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("prowide's " + from.getClass().getSimpleName() + " cannot give " + element, e);
      }
    }

    /** prowide's getter of an element: getNtry, getIBAN, or isRvslInd for a Boolean. */
    private static Optional<Method> getter(Class<?> type, String element) {
      for (String prefix : List.of("get", "is")) {
        try {
          return Optional.of(type.getMethod(prefix + element));
        } catch (NoSuchMethodException e) {
          // not this prefix
        }
      }
      return Optional.empty();
    }
  }

  private static Object invoke(Class<?> type, String method, Class<?>[] parameters, Object... arguments) {
    try {
      return type.getMethod(method, parameters).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(type.getSimpleName() + "." + method + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getSimpleName() + " has no " + method, e);
    }
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
