package io.fordra.payment.file;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a payer's free text (BgMax 25 and code-3 references, camt.054 Ustrd) may name an invoice, as payers write
 * it: "Faktnr: 63600", "Fakt.nr 63600", "Faktura nr 63600", "INV 63600", "Faktura65581", "65896,65862,65763",
 * "Minerva 00040147". Words are split on blanks, commas, semicolons, colons and slashes. A number after an invoice
 * keyword is the payer's own word for it and is preferred; a number after a customer keyword ("KUNDNR 4325") is the
 * payer's customer number and is never taken for an invoice number.
 *
 * @param afterInvoiceKeyword the words that follow an invoice keyword, in text order
 * @param others              the other words with a digit that may be an invoice number or reference, in text order
 */
record InvoiceNumbersInText(List<String> afterInvoiceKeyword, List<String> others) {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:/]+");
  private static final String INVOICE = "faktura|fakt|fakturanr|fakturanummer|faktnr|fnr|invoice|inv|invoiceno|invno"
      + "|lasku|laskunro|rechnung|rechnungsnr|factuur|faktur";
  private static final String CUSTOMER = "kund|kundnr|kundnummer|kundenr|kunde|customer|cust|custno|customerno"
      + "|asiakas|asiakasnro";
  private static final String NUMBER_WORD = "nr|no|nummer|number|num";
  private static final Pattern INVOICE_KEYWORD = Pattern.compile("(" + INVOICE + ")(" + NUMBER_WORD + ")?");
  private static final Pattern CUSTOMER_KEYWORD = Pattern.compile("(" + CUSTOMER + ")(" + NUMBER_WORD + ")?");
  /** A keyword with the number written onto it: "Faktura65581", "Kundnr1233", "INV#63600". */
  private static final Pattern GLUED = Pattern.compile("(?i)([a-zåäöü.]+?)[.#]?(\\d[\\w-]*)");

  private enum Kind { INVOICE, CUSTOMER, NUMBER_WORD, OTHER }

  /** The words of {@code text}; at most {@code maxWords} words are read (a long letter is not an invoice list). */
  static InvoiceNumbersInText of(String text, int maxWords) {
    Set<String> keyed = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    if (text == null) {
      return new InvoiceNumbersInText(List.of(), List.of());
    }
    Kind before = Kind.OTHER;
    int read = 0;
    for (String raw : SEPARATORS.split(text.strip())) {
      String word = raw.replaceAll("^[.#\\-]+|[.#\\-]+$", "");
      if (word.isEmpty() || read++ >= maxWords) {
        continue;
      }
      Kind kind = kind(word);
      if (kind == Kind.OTHER) {
        Matcher glued = GLUED.matcher(word);
        if (glued.matches() && kind(glued.group(1)) != Kind.OTHER) {
          Kind keyword = kind(glued.group(1));
          if (keyword == Kind.INVOICE) {
            keyed.add(glued.group(2));
          }
          // a customer number written onto its keyword is skipped, as is one after it
          before = Kind.OTHER;
          continue;
        }
        if (word.chars().anyMatch(Character::isDigit)) {
          if (before == Kind.INVOICE) {
            keyed.add(word);
          } else if (before != Kind.CUSTOMER) {
            others.add(word);
          }
        }
        // "Faktura 63600 63601": each number after the keyword belongs to it, until another word
        before = before == Kind.INVOICE && word.chars().anyMatch(Character::isDigit) ? Kind.INVOICE : Kind.OTHER;
      } else if (kind == Kind.NUMBER_WORD) {
        // "Faktura nr 63600": the keyword still counts after "nr"
        before = before == Kind.OTHER ? Kind.OTHER : before;
      } else {
        before = kind;
      }
    }
    others.removeAll(keyed);
    return new InvoiceNumbersInText(List.copyOf(keyed), new ArrayList<>(others));
  }

  private static Kind kind(String word) {
    String plain = word.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "");
    if (INVOICE_KEYWORD.matcher(plain).matches()) {
      return Kind.INVOICE;
    }
    if (CUSTOMER_KEYWORD.matcher(plain).matches()) {
      return Kind.CUSTOMER;
    }
    if (plain.matches(NUMBER_WORD)) {
      return Kind.NUMBER_WORD;
    }
    return Kind.OTHER;
  }

  /** Digits whose last digit is the Luhn (modulus 10) check digit of the others, as Swedish OCR numbers have. */
  static boolean isOcr(String word) {
    if (!word.matches("\\d{2,25}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < word.length(); i++) {
      int digit = word.charAt(word.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
