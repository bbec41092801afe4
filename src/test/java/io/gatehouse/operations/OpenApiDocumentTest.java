package io.gatehouse.operations;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI document and the server never drift apart: every (method, path) the compiled
 * classes serve (JAX-RS resources under their application's path, and servlets) is documented,
 * and every documented one is served.
 */
class OpenApiDocumentTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final java.nio.file.Path WEB_XML = java.nio.file.Path.of("webapp", "WEB-INF", "web.xml");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Map<String, String> SERVLET_METHODS = Map.of(
            "doGet", "GET", "doPost", "POST", "doPut", "PUT", "doDelete", "DELETE", "doPatch", "PATCH",
            "doHead", "HEAD", "doOptions", "OPTIONS", "doTrace", "TRACE");

    private static JsonObject document() throws Exception {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(OpenApiServlet.DOCUMENT)) {
            assertTrue(in != null, "the document is packaged at " + OpenApiServlet.DOCUMENT);
            return Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readObject();
        }
    }

    /** Every compiled class of Gatehouse, found on disk rather than through anything the code lists. */
    private static List<Class<?>> compiledClasses() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("io/gatehouse"))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = CLASSES.relativize(file).toString();
                if (name.endsWith(".class")) {
                    classes.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.').replace('\\', '.'),
                            false, OpenApiDocumentTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part == null ? new String[0] : part.split("/")) {
                if (!segment.isEmpty()) {
                    path.append('/').append(segment);
                }
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** (METHOD path) of each JAX-RS resource method, under the path of the one application that serves it. */
    private static Set<String> servedByJaxRs(List<Class<?>> classes) throws Exception {
        Set<String> served = new TreeSet<>();
        Set<Class<?>> resources = new HashSet<>();
        Set<Class<?>> registered = new HashSet<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
            if (Application.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                ApplicationPath root = type.getAnnotation(ApplicationPath.class);
                assertTrue(root != null, type + " has no @ApplicationPath: its paths cannot be known");
                for (Class<?> resource : ((Application) type.getDeclaredConstructor().newInstance()).getClasses()) {
                    Path onClass = resource.getAnnotation(Path.class);
                    if (onClass == null) {
                        continue;  // a provider
                    }
                    assertTrue(registered.add(resource), resource + " is served by two applications");
                    for (Method method : resource.getMethods()) {
                        String verb = httpMethod(method);
                        Path onMethod = method.getAnnotation(Path.class);
                        if (verb == null && onMethod != null) {
                            fail(method + " is a sub-resource locator: teach this test to follow it");
                        }
                        if (verb != null) {
                            served.add(verb + " " + join(root.value(), onClass.value(), onMethod == null ? null : onMethod.value()));
                        }
                    }
                }
            }
        }
        resources.removeAll(registered);
        assertTrue(resources.isEmpty(), "resources that no application serves: " + resources);
        return served;
    }

    /** The error pages web.xml names: servlets the container forwards to, not endpoints. */
    private static Set<String> errorPages() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(WEB_XML.toFile());
        NodeList locations = xml.getElementsByTagName("location");
        Set<String> pages = new HashSet<>();
        for (int i = 0; i < locations.getLength(); i++) {
            pages.add(locations.item(i).getTextContent().strip());
        }
        return pages;
    }

    /** (METHOD path) of each servlet: its exact URL patterns, with each doXxx it overrides. */
    private static Set<String> servedByServlets(List<Class<?>> classes) throws Exception {
        Set<String> errorPages = errorPages();
        Set<String> served = new TreeSet<>();
        for (Class<?> type : classes) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet == null) {
                continue;
            }
            Set<String> patterns = new TreeSet<>(List.of(servlet.value()));
            patterns.addAll(List.of(servlet.urlPatterns()));
            if (errorPages.containsAll(patterns)) {
                continue;
            }
            if (Stream.of(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals("service"))) {
                fail(type + " overrides service(): answer with doGet, doPost... so its methods can be known");
            }
            for (String pattern : patterns) {
                if (pattern.contains("*")) {
                    fail(type + " maps " + pattern + ": a wildcard's paths cannot be documented; map exact paths");
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = SERVLET_METHODS.get(method.getName());
                    if (verb != null) {
                        served.add(verb + " " + pattern);
                    }
                }
            }
        }
        return served;
    }

    private static Set<String> documented(JsonObject document) {
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(OPERATIONS::contains)
                .forEach(operation -> documented.add(operation.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return documented;
    }

    @Test
    void everyServedEndpointIsDocumentedAndEveryDocumentedOneServed() throws Exception {
        List<Class<?>> classes = compiledClasses();
        Set<String> served = new TreeSet<>(servedByJaxRs(classes));
        served.addAll(servedByServlets(classes));
        Set<String> documented = documented(document());

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(served);
        assertTrue(undocumented.isEmpty() && unserved.isEmpty(),
                "served but not in src/main/resources" + OpenApiServlet.DOCUMENT + ": " + undocumented
                        + "; documented but not served: " + unserved);
        // The scan itself must see both kinds of endpoint, or an empty scan could pass against an empty document.
        assertTrue(served.contains("POST /oauth/v2/token"), served::toString);
        assertTrue(served.contains("GET /metrics"), served::toString);
        assertTrue(served.contains("PATCH /api/v1/application_token/{id}"), served::toString);
    }

    @Test
    void theDocumentIsOpenApi31WithAResponseForEveryOperation() throws Exception {
        JsonObject document = document();
        assertTrue(document.getString("openapi").startsWith("3.1."), document.getString("openapi"));
        assertTrue(document.getJsonObject("info").containsKey("title"));
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((operation, body) -> {
            if (OPERATIONS.contains(operation)) {
                JsonObject op = body.asJsonObject();
                assertTrue(op.containsKey("summary"), operation + " " + path + " has a summary");
                assertTrue(!op.getJsonObject("responses").isEmpty(), operation + " " + path + " has responses");
            }
        }));
    }

    /** The specification's rules, references included: a typo would leave a reader, or a generated client, with nothing. */
    @Test
    void theParserFindsNothingWrongWithTheDocument() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document().toString(), null, options);
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertEquals(document().getJsonObject("paths").size(), parsed.getOpenAPI().getPaths().size());
    }
}
