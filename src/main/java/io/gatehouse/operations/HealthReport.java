package io.gatehouse.operations;

import io.gatehouse.web.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Checks' results in MicroProfile Health's shape, which probes and dashboards already read:
 * {@code {"status":"UP","checks":[{"name":"database","status":"UP"}]}}; a check that is down adds
 * {@code "data":{"reason":"..."}}.
 */
record HealthReport(List<Result> results) {

    /** Liveness has no checks: answering at all is the proof. */
    static final HealthReport LIVE = new HealthReport(List.of());

    record Result(String name, String problem) {

        boolean up() {
            return problem == null;
        }
    }

    boolean up() {
        return results.stream().allMatch(Result::up);
    }

    JsonObject json() {
        JsonArrayBuilder checks = Json.array();
        for (Result result : results) {
            JsonObjectBuilder check = Json.object().add("name", result.name()).add("status", status(result.up()));
            if (!result.up()) {
                check.add("data", Json.object().add("reason", result.problem()));
            }
            checks.add(check);
        }
        return Json.object().add("status", status(up())).add("checks", checks).build();
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
