package io.gatehouse.web;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * gatehouse-servlet.war has a web.xml of its own (no data source, a BeanManager reference): everything
 * else must stay as in gatehouse.war's, or Tomcat quietly answers differently (its HTML error pages).
 */
class ServletDescriptorTest {

    private static final List<String> KEPT_THE_SAME = List.of(
            "error-page", "security-role", "session-config", "security-constraint", "login-config", "filter", "servlet");

    @Test
    void servletWarDescriptorWhenComparedWithTheWarsThenSameExceptItsResources() throws Exception {
        Document war = parse("webapp/WEB-INF/web.xml");
        Document servletWar = parse("src/servlet/webapp/WEB-INF/web.xml");
        for (String element : KEPT_THE_SAME) {
            assertEquals(texts(war, element), texts(servletWar, element), "<" + element + "> in the two web.xml files");
        }
    }

    private static Document parse(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new File(path));
    }

    /** Each top-level element of that name as its text content, whitespace squeezed. */
    private static List<String> texts(Document document, String name) {
        List<String> texts = new ArrayList<>();
        for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                texts.add(element.getTextContent().replaceAll("\\s+", " ").trim());
            }
        }
        return texts;
    }
}
