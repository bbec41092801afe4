package io.gatehouse.it;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of {@code /metrics} in Prometheus text format: each sample's value by its name and
 * labels, whatever order the labels were printed in. A series not there reads as 0.
 */
record Scrape(String text, Map<String, Double> samples) {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0) {
                Matcher label = LABEL.matcher(series.substring(brace));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series = series.substring(0, brace);
            }
            samples.put(key(series, labels), Double.parseDouble(line.substring(space + 1)));
        }
        return new Scrape(text, samples);
    }

    /** @param labels name, value, name, value... */
    double value(String name, String... labels) {
        return samples.getOrDefault(key(name, sorted(labels)), 0.0);
    }

    boolean has(String name, String... labels) {
        return samples.containsKey(key(name, sorted(labels)));
    }

    private static Map<String, String> sorted(String... labels) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return sorted;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }
}
