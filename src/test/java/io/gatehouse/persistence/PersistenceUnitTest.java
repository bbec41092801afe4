package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway owns the schema: no JPA provider may create, drop or change a table of the deployed unit. */
class PersistenceUnitTest {

    /** Properties by which EclipseLink, Hibernate or JPA itself would write DDL, with the values that write none. */
    private static final Map<String, Set<String>> DDL_SWITCHES = Map.of(
            "jakarta.persistence.schema-generation.database.action", Set.of("none"),
            "javax.persistence.schema-generation.database.action", Set.of("none"),
            "eclipselink.ddl-generation", Set.of("none"),
            "hibernate.hbm2ddl.auto", Set.of("none", "validate"));

    @Test
    void theDeployedUnitLetsNoProviderWriteTheSchema() throws Exception {
        Map<String, String> properties = properties(Path.of("src/main/resources/META-INF/persistence.xml"));

        assertEquals("none", properties.get("jakarta.persistence.schema-generation.database.action"),
                "stated, so that no provider's default applies");
        DDL_SWITCHES.forEach((name, harmless) -> {
            String value = properties.get(name);
            assertTrue(value == null || harmless.contains(value), name + "=" + value + " would let JPA write the schema");
        });
        assertTrue(properties.keySet().stream().noneMatch(name -> name.contains("create-source")
                || name.contains("drop-source") || name.contains("sql-load-script")), properties::toString);
    }

    /** The WAR's own file, not one a test might put first on the class path. */
    private static Map<String, String> properties(Path persistenceXml) throws Exception {
        try (InputStream xml = Files.newInputStream(persistenceXml)) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("property");
            Map<String, String> properties = new HashMap<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element property = (Element) nodes.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            return properties;
        }
    }
}
