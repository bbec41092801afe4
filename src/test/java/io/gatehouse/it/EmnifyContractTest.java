package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gatehouse.it.EmnifyContract.APPLICATION_TOKENS;
import static io.gatehouse.it.EmnifyContract.AUTHENTICATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The judge of EmnifyContractIT can fail: answers that break emnify's document are caught (no server needed). */
class EmnifyContractTest {

    private static final String JSON = "application/json";
    private static final String TOKENS = "/api/v1/application_token";

    private static List<String> list(String body) {
        return EmnifyContract.problems(APPLICATION_TOKENS, TOKENS, "get", 200, JSON, body);
    }

    @Test
    void problemsWhenTheListFollowsTheSchemaThenNone() {
        assertEquals(List.of(), list("[{\"id\":1,\"created\":\"2026-12-08T00:00:00Z\",\"status\":{\"id\":0,\"description\":"
                + "\"Activated\"},\"ip\":\"10.0.0.0/8\",\"creator\":{\"id\":7}}]"));
        assertEquals(List.of(), EmnifyContract.problems(AUTHENTICATION, "/api/v1/authenticate", "post", 401, JSON,
                "{\"error_code\":401,\"error_token\":\"Unauthorized\",\"message\":\"Invalid credentials\"}"));
    }

    @Test
    void problemsWhenAFieldIsNullOrOfAnotherTypeThenNamed() {
        assertFalse(list("[{\"id\":1,\"ip\":null}]").isEmpty(), "ip is a string, not null");
        assertFalse(list("[{\"id\":1,\"creator\":null}]").isEmpty(), "creator is an object");
        assertFalse(list("[{\"id\":\"1\"}]").isEmpty(), "id is an integer");
        assertFalse(list("{\"id\":1}").isEmpty(), "the list is an array");
    }

    @Test
    void problemsWhenTheStatusIsNotDocumentedOrTheAnswerIsNotJsonThenNamed() {
        assertFalse(EmnifyContract.problems(APPLICATION_TOKENS, TOKENS, "post", 400, JSON,
                "{\"error_code\":400}").isEmpty(), "create documents 200 and 422");
        assertFalse(EmnifyContract.problems(APPLICATION_TOKENS, TOKENS, "post", 200, "text/html",
                "{\"application_token\":\"x\"}").isEmpty());
        assertFalse(EmnifyContract.problems(APPLICATION_TOKENS, TOKENS + "/{app_token_id}", "patch", 204, JSON,
                "{}").isEmpty(), "a 204 has no body");
        assertFalse(EmnifyContract.problems(AUTHENTICATION, "/api/v1/authenticate", "post", 200, JSON,
                "{\"auth_token\":7}").isEmpty());
    }
}
