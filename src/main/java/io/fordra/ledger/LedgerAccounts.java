package io.fordra.ledger;

import io.fordra.customer.Country;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The chart of accounts Fordra books on: the standard accounts of the seller's country, with whatever
 * fordra.ledger.* overrides. Checked at start-up: an account that is not 1-10 digits stops Fordra with the key named.
 */
@Component
public class LedgerAccounts {

  /** What an account is used for; the keys of fordra.ledger.accounts. */
  public enum Role {
    RECEIVABLES("receivables"),
    BANK("bank"),
    INTEREST("interest"),
    FEES("fees"),
    LATE_COMPENSATION("late-compensation"),
    CUSTOMER_CREDIT("customer-credit"),
    UNMATCHED_PAYMENTS("unmatched-payments"),
    BAD_DEBT("bad-debt"),
    /** Revenue of a service period invoiced before it is earned, released month by month (DeferredRevenue). */
    DEFERRED_REVENUE("deferred-revenue"),
    /** Sales with reverse charge to EU businesses abroad (Swedish VAT return box 39: services to another EU country). */
    SALES_REVERSE_CHARGE("sales-reverse-charge"),
    /** Sales exported outside the EU (Sweden) or out of Norway: no VAT of the seller's. */
    SALES_EXPORT("sales-export"),
    /** The cut-over account: the other side of the opening entries of invoices taken over from the previous system. */
    OPENING("opening");

    final String key;

    Role(String key) {
      this.key = key;
    }
  }

  private static final Pattern ACCOUNT = Pattern.compile("\\d{1,10}");

  private final Map<Role, String> roles = new HashMap<>();
  private final Map<BigDecimal, String> sales = new TreeMap<>();
  private final Map<BigDecimal, String> outputVat = new TreeMap<>();
  private final Map<String, String> names = new TreeMap<>();

  public LedgerAccounts(LedgerProperties properties, SellerProperties seller) {
    Chart chart = seller.country() == Country.NO ? Chart.NS4102 : Chart.BAS;
    List<String> problems = new ArrayList<>();
    for (Role role : Role.values()) {
      String account = properties.accounts().getOrDefault(role.key, chart.roles.get(role));
      check("fordra.ledger.accounts." + role.key, account, problems);
      roles.put(role, account);
    }
    // The deferred-revenue account is reconciled on its own: sharing another role's account would mix two balances.
    for (Role other : List.of(Role.RECEIVABLES, Role.BANK, Role.CUSTOMER_CREDIT, Role.UNMATCHED_PAYMENTS)) {
      if (roles.get(Role.DEFERRED_REVENUE).equals(roles.get(other))) {
        problems.add("fordra.ledger.accounts." + Role.DEFERRED_REVENUE.key + " must not be the " + other.key
            + " account " + roles.get(other));
      }
    }
    byRate(chart.sales, properties.sales(), "fordra.ledger.sales.", sales, problems);
    byRate(chart.outputVat, properties.outputVat(), "fordra.ledger.output-vat.", outputVat, problems);
    names.putAll(chart.names);
    names.putAll(properties.names());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The chart of accounts is not usable: " + String.join("; ", problems));
    }
  }

  public String account(Role role) {
    return roles.get(role);
  }

  /** The sales account for a VAT rate (percent), if the chart has one. */
  public Optional<String> sales(BigDecimal vatRate) {
    return Optional.ofNullable(sales.get(vatRate.stripTrailingZeros()));
  }

  /** The output VAT account for a VAT rate (percent); none for 0 %. */
  public Optional<String> outputVat(BigDecimal vatRate) {
    return Optional.ofNullable(outputVat.get(vatRate.stripTrailingZeros()));
  }

  /** The account's name for the SIE file; the number itself where no name is known. */
  public String name(String account) {
    return names.getOrDefault(account, "Konto " + account);
  }

  private static void byRate(Map<String, String> defaults, Map<String, String> configured, String prefix,
                             Map<BigDecimal, String> target, List<String> problems) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(configured);
    merged.forEach((rate, account) -> {
      try {
        target.put(new BigDecimal(rate.strip()).stripTrailingZeros(), account);
        check(prefix + rate, account, problems);
      } catch (NumberFormatException e) {
        problems.add(prefix + rate + ": the key must be a VAT rate in percent, e.g. 25");
      }
    });
  }

  private static void check(String key, String account, List<String> problems) {
    if (account == null || !ACCOUNT.matcher(account).matches()) {
      problems.add(key + " must be an account number of 1-10 digits, not " + account);
    }
  }

  /** The standard charts: Swedish BAS and Norwegian NS 4102, as far as Fordra books. */
  private enum Chart {
    BAS(roles(Map.of(Role.RECEIVABLES, "1510", Role.BANK, "1930", Role.INTEREST, "8313", Role.FEES, "3990",
        Role.LATE_COMPENSATION, "3990", Role.CUSTOMER_CREDIT, "2420", Role.UNMATCHED_PAYMENTS, "2421",
        Role.BAD_DEBT, "6351", Role.DEFERRED_REVENUE, "2970"),
        Map.of(Role.SALES_REVERSE_CHARGE, "3308", Role.SALES_EXPORT, "3305", Role.OPENING, "1518")),
        Map.of("25", "3001", "12", "3002", "6", "3003", "0", "3004"),
        Map.of("25", "2611", "12", "2621", "6", "2631"),
        Map.ofEntries(Map.entry("1510", "Kundfordringar"),
            Map.entry("1518", "Ej reskontraförda kundfordringar"), Map.entry("1930", "Företagskonto/checkkonto/affärskonto"),
            Map.entry("2420", "Förskott från kunder"), Map.entry("2970", "Förutbetalda intäkter"), Map.entry("2421", "Ej avstämda inbetalningar"),
            Map.entry("2611", "Utgående moms på försäljning inom Sverige, 25 %"),
            Map.entry("2621", "Utgående moms på försäljning inom Sverige, 12 %"),
            Map.entry("2631", "Utgående moms på försäljning inom Sverige, 6 %"),
            Map.entry("3001", "Försäljning inom Sverige, 25 % moms"),
            Map.entry("3002", "Försäljning inom Sverige, 12 % moms"),
            Map.entry("3003", "Försäljning inom Sverige, 6 % moms"),
            Map.entry("3004", "Försäljning inom Sverige, momsfri"),
            Map.entry("3305", "Försäljning tjänster till land utanför EU"),
            Map.entry("3308", "Försäljning tjänster till annat EU-land"),
            Map.entry("3990", "Övriga ersättningar och intäkter"),
            Map.entry("6351", "Konstaterade förluster på kundfordringar"),
            Map.entry("8313", "Ränteintäkter från kundfordringar"))),
    NS4102(roles(Map.of(Role.RECEIVABLES, "1500", Role.BANK, "1920", Role.INTEREST, "8050", Role.FEES, "3900",
        Role.LATE_COMPENSATION, "3900", Role.CUSTOMER_CREDIT, "2900", Role.UNMATCHED_PAYMENTS, "2901",
        Role.BAD_DEBT, "7830", Role.DEFERRED_REVENUE, "2965"),
        Map.of(Role.SALES_REVERSE_CHARGE, "3100", Role.SALES_EXPORT, "3100", Role.OPENING, "1509")),
        Map.of("25", "3000", "15", "3000", "12", "3000", "0", "3100"),
        Map.of("25", "2700", "15", "2701", "12", "2702"),
        Map.ofEntries(Map.entry("1500", "Kundefordringer"),
            Map.entry("1509", "Kundefordringer overført fra tidligere reskontro"), Map.entry("1920", "Bankinnskudd"),
            Map.entry("2700", "Utgående merverdiavgift, høy sats"),
            Map.entry("2701", "Utgående merverdiavgift, middels sats"),
            Map.entry("2702", "Utgående merverdiavgift, lav sats"),
            Map.entry("2900", "Forskudd fra kunder"), Map.entry("2965", "Forskuddsbetalt inntekt"), Map.entry("2901", "Uavstemte innbetalinger"),
            Map.entry("3000", "Salgsinntekt, avgiftspliktig"), Map.entry("3100", "Salgsinntekt, avgiftsfri"),
            Map.entry("3900", "Annen driftsrelatert inntekt"), Map.entry("7830", "Tap på fordringer"),
            Map.entry("8050", "Annen renteinntekt")));

    final Map<Role, String> roles;
    final Map<String, String> sales;
    final Map<String, String> outputVat;
    final Map<String, String> names;

    Chart(Map<Role, String> roles, Map<String, String> sales, Map<String, String> outputVat,
          Map<String, String> names) {
      this.roles = roles;
      this.sales = sales;
      this.outputVat = outputVat;
      this.names = names;
    }

    /** Map.of takes at most ten pairs: the chart's roles in two parts. */
    private static Map<Role, String> roles(Map<Role, String> first, Map<Role, String> more) {
      Map<Role, String> all = new java.util.EnumMap<>(first);
      all.putAll(more);
      return all;
    }
  }
}
