package io.fordra.distribution.einvoice;

import com.helger.commons.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.peppol.PeppolValidation2024_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Checks UBL against PEPPOL BIS Billing 3.0 with the official OpenPEPPOL artefacts shipped by phive-rules-peppol:
 * the UBL 2.1 XSD, the CEN EN 16931 UBL Schematron and the PEPPOL BIS Schematron with its national (NO, SE ...) rules.
 *
 * <p>The rule set is built on first use and then kept: registering it loads and compiles the artefacts, which costs
 * seconds, while a validation costs milliseconds. Validations may run in parallel; phive's executors keep no state per
 * document.
 */
@Component
public class PeppolRules {

  /** The newest PEPPOL BIS Billing 3 release phive-rules-peppol 3.2.3 ships (November 2024). */
  static final String RELEASE = "2024.11";

  private record RuleSets(IValidationExecutorSet<IValidationSourceXML> invoice,
                          IValidationExecutorSet<IValidationSourceXML> creditNote) {}

  private volatile RuleSets ruleSets;

  /** The errors (not warnings) the rules find in a UBL Invoice or CreditNote; empty when it may be sent. */
  public List<ValidationError> errors(byte[] ubl, boolean creditNote) {
    RuleSets sets = ruleSets();
    IValidationExecutorSet<IValidationSourceXML> rules = creditNote ? sets.creditNote() : sets.invoice();
    Document document;
    try {
      document = parser().newDocumentBuilder().parse(new ByteArrayInputStream(ubl));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return List.of(new ValidationError(null, "Not well-formed XML: " + e.getMessage(), null));
    }
    ValidationResultList result = ValidationExecutionManager.executeValidation(rules,
        ValidationSourceXML.create("ubl.xml", document), Locale.ENGLISH);
    return result.getAllErrors().stream().map(PeppolRules::error).toList();
  }

  private static ValidationError error(IError e) {
    String location = e.getErrorFieldName();
    if ((location == null || location.isBlank()) && e.hasErrorLocation()) {
      location = e.getErrorLocation().getAsString();
    }
    return new ValidationError(e.getErrorID(), e.getErrorText(Locale.ENGLISH), location);
  }

  private RuleSets ruleSets() {
    RuleSets sets = ruleSets;
    if (sets == null) {
      synchronized (this) {
        sets = ruleSets;
        if (sets == null) {
          ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
          PeppolValidation2024_11.init(registry);
          sets = new RuleSets(registry.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_INVOICE_UBL_V3),
              registry.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3));
          if (sets.invoice() == null || sets.creditNote() == null) {
            throw new IllegalStateException("phive-rules-peppol lacks PEPPOL BIS Billing " + RELEASE);
          }
          ruleSets = sets;
        }
      }
    }
    return sets;
  }

  /** Our own UBL, but parsed as any XML from outside would be: no DTDs, no external entities. */
  private static DocumentBuilderFactory parser() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory;
  }
}
