package io.gatehouse.web;

import io.gatehouse.token.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No endpoint behind a login is forgotten: each either names the scope a delegated token needs
 * ({@link Sensitive}) or is on the short baseline list below, the API document says the same, and
 * the application serving it enforces it. A new protected endpoint fails here until it is classified.
 */
class SensitiveEndpointsTest {

    /** What a token issued to an OAuth client may do without any of Gatehouse's scopes. */
    private static final Set<String> BASELINE = Set.of(
            "GET /api/1/users/me",          // the user's own profile
            "DELETE /api/1/auth/session",   // logging out
            "POST /otp/send");              // a client_credentials token sends one-time passwords

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");

    /** A JAX-RS endpoint: its roles (null when public) and its scope (null when not sensitive). */
    private record Endpoint(Class<? extends Application> application, String[] roles, Scope scope) {
    }

    @Test
    void everyProtectedEndpointIsSensitiveWithAScopeOrOnTheBaseline() throws Exception {
        Map<String, Endpoint> endpoints = endpoints();
        List<String> problems = new ArrayList<>();
        endpoints.forEach((endpoint, found) -> {
            if (found.roles() != null && found.scope() == null && !BASELINE.contains(endpoint)) {
                problems.add(endpoint + " needs a login but names no scope: add @Sensitive(Scope.X) or put it on the baseline");
            }
            if (found.scope() != null && BASELINE.contains(endpoint)) {
                problems.add(endpoint + " is on the baseline and sensitive at once");
            }
            if (found.scope() != null && found.roles() == null) {
                problems.add(endpoint + " is sensitive but needs no login");
            }
        });
        BASELINE.stream().filter(b -> !endpoints.containsKey(b)).forEach(b -> problems.add("stale baseline entry " + b));
        assertEquals(List.of(), problems);
        // The scan must see sensitive endpoints, or an empty scan could pass.
        assertEquals(Scope.APIKEY, endpoints.get("POST /api/1/users/me/apikey").scope());
        assertEquals(Scope.ADMIN, endpoints.get("DELETE /api/admin/users/{id}").scope());
    }

    @Test
    void everyApplicationWithSensitiveEndpointsEnforcesRolesAndScopes() throws Exception {
        for (Endpoint endpoint : endpoints().values()) {
            Set<Class<?>> providers = endpoint.application().getDeclaredConstructor().newInstance().getClasses();
            if (endpoint.roles() != null) {
                assertTrue(providers.contains(RolesAllowedFeature.class), endpoint.application() + " checks no roles");
            }
            if (endpoint.scope() != null) {
                assertTrue(providers.contains(SensitiveFeature.class), endpoint.application() + " checks no scopes");
            }
        }
    }

    /** The API document's oauth2 requirement is the endpoint's scope, empty on the baseline, absent on public endpoints. */
    @Test
    void theApiDocumentNamesTheSameScopes() throws Exception {
        JsonObject paths = document().getJsonObject("paths");
        List<String> problems = new ArrayList<>();
        endpoints().forEach((endpoint, found) -> {
            String[] verbAndPath = endpoint.split(" ", 2);
            JsonObject operation = paths.getJsonObject(verbAndPath[1]).getJsonObject(verbAndPath[0].toLowerCase(Locale.ROOT));
            Optional<List<String>> documented = oauth2Scopes(operation);
            Optional<List<String>> expected = found.scope() != null ? Optional.of(List.of(found.scope().value))
                    : found.roles() != null ? Optional.of(List.of()) : Optional.empty();
            if (!documented.equals(expected)) {
                problems.add(endpoint + ": the document says " + documented + ", the code " + expected);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theDocumentListsEveryScopeOfTheVocabulary() throws Exception {
        JsonObject flows = document().getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("oauth2").getJsonObject("flows");
        for (String flow : List.of("password", "clientCredentials")) {
            assertEquals(new TreeSet<>(Scope.names()), new TreeSet<>(flows.getJsonObject(flow).getJsonObject("scopes").keySet()));
        }
    }

    private static Optional<List<String>> oauth2Scopes(JsonObject operation) {
        for (JsonValue requirement : operation.getJsonArray("security")) {
            JsonArray scopes = requirement.asJsonObject().getJsonArray("oauth2");
            if (scopes != null) {
                return Optional.of(scopes.getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
            }
        }
        return Optional.empty();
    }

    private static JsonObject document() throws Exception {
        try (InputStream in = SensitiveEndpointsTest.class.getResourceAsStream("/openapi/gatehouse.json")) {
            return Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readObject();
        }
    }

    /** "VERB /path" of every JAX-RS resource method of every application found among the compiled classes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Endpoint> endpoints() throws Exception {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Class<?> type : compiledClasses()) {
            if (!Application.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String root = type.getAnnotation(ApplicationPath.class).value();
            for (Class<?> resource : ((Application) type.getDeclaredConstructor().newInstance()).getClasses()) {
                Path onClass = resource.getAnnotation(Path.class);
                if (onClass == null) {
                    continue;  // a provider
                }
                for (Method method : resource.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    Path onMethod = method.getAnnotation(Path.class);
                    RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                            .orElse(resource.getAnnotation(RolesAllowed.class));
                    Sensitive sensitive = Optional.ofNullable(method.getAnnotation(Sensitive.class))
                            .orElse(resource.getAnnotation(Sensitive.class));
                    endpoints.put(verb + " " + join(root, onClass.value(), onMethod == null ? null : onMethod.value()),
                            new Endpoint((Class<? extends Application>) type, roles == null ? null : roles.value(),
                                    sensitive == null ? null : sensitive.value()));
                }
            }
        }
        return endpoints;
    }

    private static List<Class<?>> compiledClasses() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("io/gatehouse"))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = CLASSES.relativize(file).toString();
                if (name.endsWith(".class")) {
                    classes.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.').replace('\\', '.'),
                            false, SensitiveEndpointsTest.class.getClassLoader()));
                }
            }
        }
        return classes;
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

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part == null ? new String[0] : part.split("/")) {
                if (!segment.isEmpty()) {
                    path.append('/').append(segment);
                }
            }
        }
        return path.toString();
    }
}
