package io.jingling.connectors.wechat.internal;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;

/**
 * Reads the flat {@code <xml><Name>value</Name>...</xml>} documents WeCom and the
 * Official Account post. Callbacks come from the internet, so the parser refuses any
 * DOCTYPE: no DTD, no entity, no external fetch (XXE). Refusals are
 * {@link CallbackRejectedException}s with {@link Reason#MALFORMED}.
 */
public final class SafeXml {

	private static final DocumentBuilderFactory FACTORY = factory();

	private final Element root;

	private SafeXml(Element root) {
		this.root = root;
	}

	/** Parses a document whose root element is {@code <xml>}. */
	public static SafeXml parse(String xml) {
		if (xml == null || xml.isBlank()) {
			throw new CallbackRejectedException(Reason.MALFORMED, "callback body is empty");
		}
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(null); // the parser would print errors to stderr
			Document document = builder.parse(new InputSource(new StringReader(xml)));
			Element root = document.getDocumentElement();
			if (!"xml".equals(root.getNodeName())) {
				throw new CallbackRejectedException(Reason.MALFORMED, "callback root element is not <xml>");
			}
			return new SafeXml(root);
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED,
					"callback is not acceptable XML (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	/** The text of the first direct child with that name, or null when absent. */
	public String text(String name) {
		NodeList children = this.root.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child.getNodeType() == Node.ELEMENT_NODE && name.equals(child.getNodeName())) {
				return child.getTextContent();
			}
		}
		return null;
	}

	private static DocumentBuilderFactory factory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("This JVM's XML parser cannot be made XXE-safe", ex);
		}
	}

}
