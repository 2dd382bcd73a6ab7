package io.fordra.payment.file;

import io.fordra.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first look at a camt.054 file, before prowide sees it: a hardened parser (no DOCTYPE, no external entities or
 * DTDs) checks that the bytes are well-formed XML and finds the root element and the encoding. When JAXB complains
 * (it knows only line and column), {@link #locations} reads the text once more to name the elements by their paths.
 * It reads no business content.
 */
final class Camt054XmlGuard {

  /** Elements that always get an index in a path, as the reader writes its own locations. */
  private static final Set<String> INDEXED = Set.of("Ntfctn", "Ntry", "NtryDtls", "TxDtls", "Strd", "Ustrd");

  /** The file as text (decoded with its own encoding, without a byte order mark) and its root element. */
  record Checked(String text, String rootNamespace, String rootName) {
  }

  private Camt054XmlGuard() {
  }

  /** @throws PaymentFileRejected if the bytes are not well-formed XML or have a DOCTYPE */
  static Checked check(byte[] content) {
    Scan scan = new Scan(false);
    try {
      scan(scan, new InputSource(new ByteArrayInputStream(content)));
    } catch (SAXParseException e) {
      throw new PaymentFileRejected("line " + e.getLineNumber() + ", column " + e.getColumnNumber(), reason(e));
    } catch (SAXException e) {
      throw new PaymentFileRejected("/", "not well-formed XML: " + e.getMessage());
    } catch (IOException e) {
      throw new PaymentFileRejected("/", "cannot be read as XML: " + e.getMessage());
    }
    return new Checked(decode(content, scan.encoding), scan.rootNamespace, scan.rootName);
  }

  /** Where the elements of a checked text start and end. */
  static Locations locations(String text) {
    Scan scan = new Scan(true);
    try {
      scan(scan, new InputSource(new StringReader(text)));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("a checked text no longer parses", e);
    }
    return scan.locations;
  }

  private static void scan(Scan scan, InputSource source) throws SAXException, IOException {
    HardenedXml.parse(source, scan);
  }

  private static String reason(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE")) {
      return "DOCTYPE is not allowed: a bank file needs no DTD, and DTD entities can read files or URLs (XXE)";
    }
    return "not well-formed XML: " + message;
  }

  private static String decode(byte[] content, String encoding) {
    Charset charset;
    try {
      charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new PaymentFileRejected("/", "encoding " + encoding + " is not supported");
    }
    String text = new String(content, charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Element paths by the places where an element's start tag or end tag ends (as a SAX locator reports them). */
  static final class Locations {

    private final Map<Long, Node> starts = new HashMap<>();
    private final Map<Long, Node> ends = new HashMap<>();

    /** The path of the element whose end tag ends at line:column (where JAXB reports a bad value), or null. */
    String endingAt(int line, int column) {
      Node node = ends.get(key(line, column));
      return node == null ? null : node.path();
    }

    /** The path of the element whose start tag ends at line:column (where JAXB reports an unexpected one), or null. */
    String startingAt(int line, int column) {
      Node node = starts.get(key(line, column));
      return node == null ? null : node.path();
    }

    private static long key(int line, int column) {
      return ((long) line << 32) | (column & 0xffffffffL);
    }
  }

  /** An element: its name and its number among the siblings of that name. */
  private static final class Node {

    private final String name;
    private final int index;
    private final Node parent;
    private final Map<String, Integer> children = new HashMap<>();

    Node(String name, Node parent) {
      this.name = name;
      this.parent = parent;
      this.index = parent == null ? 1 : parent.children.merge(name, 1, Integer::sum);
    }

    String path() {
      boolean indexed = parent != null && (INDEXED.contains(name) || parent.children.get(name) > 1);
      return (parent == null ? "" : parent.path()) + "/" + name + (indexed ? "[" + index + "]" : "");
    }
  }

  private static final class Scan extends DefaultHandler {

    private final Locations locations;
    private Locator locator;
    private Node current;
    private String rootNamespace;
    private String rootName;
    private String encoding;

    Scan(boolean locate) {
      this.locations = locate ? new Locations() : null;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if (current == null) {
        rootNamespace = uri;
        rootName = localName;
        encoding = locator instanceof Locator2 locator2 ? locator2.getEncoding() : null;
      }
      current = new Node(localName, current);
      if (locations != null) {
        locations.starts.put(Locations.key(locator.getLineNumber(), locator.getColumnNumber()), current);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (locations != null) {
        locations.ends.put(Locations.key(locator.getLineNumber(), locator.getColumnNumber()), current);
      }
      current = current.parent;
    }
  }
}
