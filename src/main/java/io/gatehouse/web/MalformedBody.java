package io.gatehouse.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

/** A request body the JSON parser could not read: the client's mistake (400), whichever exception the parser chose. */
public final class MalformedBody {

    private MalformedBody() {
    }

    /**
     * JSON-P reports bad syntax as JsonException, but Parsson lets a number whose exponent does not fit in an int
     * ({@code 1e111111111111}) escape as BigDecimal's NumberFormatException: found by fuzzing, it was a 500.
     */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException
                    || t instanceof NumberFormatException && thrownReadingJson(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownReadingJson(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("jakarta.json") || name.contains("parsson") || name.contains(".json.")) {
                return true;
            }
        }
        return false;
    }
}
