package io.fordra.xml;

import java.io.IOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one way Fordra reads XML that others wrote (bank files, process models): namespace-aware, no DOCTYPE at all (so
 * no entities, no external DTD or schema: no XXE), no XInclude.
 */
public final class HardenedXml {

  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  private HardenedXml() {}

  /** Stops at the first error, not only at fatal ones; a non-validating parser warns of nothing that matters. */
  private static final ErrorHandler STRICT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // nothing to act on
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  /** Reads the source into the handler; its messages are in English whatever the server's locale. */
  public static void parse(InputSource source, ContentHandler handler) throws SAXException, IOException {
    XMLReader reader = reader();
    reader.setContentHandler(handler);
    reader.setErrorHandler(STRICT);
    reader.parse(source);
  }

  private static XMLReader reader() throws SAXException {
    try {
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      XMLReader reader = parser.getXMLReader();
      try {
        // the parser's messages become reasons: the same words whatever the server's locale
        reader.setProperty("http://apache.org/xml/properties/locale", Locale.ROOT);
      } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
        // another parser: its messages in the default locale
      }
      return reader;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's SAX parser cannot be hardened", e);
    }
  }
}
