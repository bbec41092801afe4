package io.gatehouse.it;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * emnify's published OpenAPI 3.1 descriptions (src/test/resources/emnify) as the judge of an answer: the
 * status must be one the operation documents and the body must validate against that response's schema
 * (JSON Schema 2020-12, networknt's OpenAPI 3.1 dialect), $refs into the document's components included.
 */
final class EmnifyContract {

    static final String AUTHENTICATION = "emnify/emnify-authentication-openapi.yml";
    static final String APPLICATION_TOKENS = "emnify/emnify-applicationtokens-openapi.yml";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private static final Map<String, JsonNode> DOCUMENTS = Map.of(
            AUTHENTICATION, read(AUTHENTICATION), APPLICATION_TOKENS, read(APPLICATION_TOKENS));

    private EmnifyContract() {
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EmnifyContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statuses the document lists for the operation, e.g. ["200", "422"]. */
    static List<String> documentedStatuses(String document, String path, String method) {
        JsonNode responses = operation(document, path, method).get("responses");
        return responses.propertyNames().stream().collect(Collectors.toList());
    }

    /**
     * The problems of an answer against the operation's documented response for that status: empty when it
     * conforms. A status the operation does not document is a problem; so is a body for a 204 or a non-JSON one.
     */
    static List<String> problems(String document, String path, String method, Reply reply) {
        return problems(document, path, method, reply.status(), reply.header("Content-Type").orElse(""), reply.body());
    }

    static List<String> problems(String document, String path, String method, int status, String contentType, String body) {
        List<String> documented = documentedStatuses(document, path, method);
        if (!documented.contains(String.valueOf(status))) {
            return List.of(method.toUpperCase() + " " + path + " documents " + documented + ", not " + status + ": " + body);
        }
        if (status == 204) {
            return body.isEmpty() ? List.of() : List.of("a 204 with a body: " + body);
        }
        return schemaProblems(document, "/paths/" + escape(path) + "/" + method + "/responses/" + status
                + "/content/application~1json/schema", contentType, body);
    }

    /** The problems of an error answer against one of the document's component schemas. */
    static List<String> problemsAgainstComponent(String document, String component, Reply reply) {
        return schemaProblems(document, "/components/schemas/" + escape(component),
                reply.header("Content-Type").orElse(""), reply.body());
    }

    static List<String> schemaProblems(String document, String schemaPointer, String contentType, String body) {
        if (!contentType.startsWith("application/json")) {
            return List.of("Content-Type '" + contentType + "', the document says application/json: " + body);
        }
        Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + document + "#" + schemaPointer));
        return schema.validate(body, InputFormat.JSON).stream()
                .map(error -> error + " in " + body).collect(Collectors.toList());
    }

    private static JsonNode operation(String document, String path, String method) {
        JsonNode operation = DOCUMENTS.get(document).path("paths").path(path).path(method);
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException(document + " has no " + method + " " + path);
        }
        return operation;
    }

    /** JSON Pointer escaping (RFC 6901) of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
