package io.fordra.deployment;

import io.fordra.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Walks a BPMN or DMN file with the hardened parser, as the engine's own (SAX) parser reads it: every element, every
 * attribute, and each element's text (all its character data, CDATA included, joined). Subclasses say what is
 * refused.
 */
abstract class ModelXmlRules extends DefaultHandler {

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final int SHOWN = 120;

  /** An element being read: its name, the id that names it (its own or its nearest ancestor's), where it starts. */
  protected record Element(String namespace, String name, String qualifiedName, String id, int line, int column,
                           StringBuilder text) {}

  private final String resource;
  private final Deque<Element> open = new ArrayDeque<>();
  private final List<Refusal> refusals = new ArrayList<>();
  private Locator locator;

  protected ModelXmlRules(String resource) {
    this.resource = resource;
  }

  List<Refusal> judge(byte[] content) {
    try {
      HardenedXml.parse(new InputSource(new ByteArrayInputStream(content)), this);
    } catch (SAXParseException e) {
      refusals.add(new Refusal(resource, null, e.getLineNumber(), e.getColumnNumber(), unreadable(e)));
    } catch (SAXException | IOException e) {
      refusals.add(new Refusal(resource, null, 0, 0, unreadable(e)));
    }
    return refusals;
  }

  /** Called when an element starts, before its attributes. */
  protected abstract void element(Element element);

  protected abstract void attribute(Element element, String qualifiedName, String name, String value);

  /** Called when an element ends, with all its text. */
  protected abstract void text(Element element, String text);

  protected void refuse(Element at, String what, String reason) {
    refusals.add(new Refusal(resource, at.id(), at.line(), at.column(), what + ": " + reason));
  }

  /** An attribute or a text as the refusal shows it: quoted, shortened when long. */
  protected static String shown(String value) {
    String flat = value.strip().replaceAll("\\s+", " ");
    return "\"" + (flat.length() > SHOWN ? flat.substring(0, SHOWN) + "…" : flat) + "\"";
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String id = attributes.getValue("id");
    if (id == null && !open.isEmpty()) {
      id = open.peek().id();
    }
    Element element = new Element(uri, localName, qName, id, locator.getLineNumber(), locator.getColumnNumber(),
        new StringBuilder());
    open.push(element);
    element(element);
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!XSI.equals(attributes.getURI(i))) {
        attribute(element, attributes.getQName(i), attributes.getLocalName(i), attributes.getValue(i));
      }
    }
  }

  @Override
  public void characters(char[] characters, int start, int length) {
    if (!open.isEmpty()) {
      open.peek().text().append(characters, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    Element element = open.pop();
    text(element, element.text().toString());
  }

  private static String unreadable(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("DOCTYPE") ? "a DOCTYPE is not allowed (DTD entities can read files and URLs)"
        : "not well-formed XML: " + message;
  }
}
