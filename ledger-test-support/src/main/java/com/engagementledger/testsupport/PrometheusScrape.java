package com.engagementledger.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus} read strictly by the Prometheus text exposition format 0.0.4, the way
 * Prometheus' own parser reads it: every line a comment, a HELP/TYPE line or a sample; one TYPE per family, before its
 * samples; a family's samples together; no series twice; label values escaped. A line that breaks a rule throws, so a
 * test that parses a scrape proves a real scraper can read it.
 */
public final class PrometheusScrape {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|Inf|inf)|NaN");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample: the metric name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Reads a whole scrape; throws {@link IllegalArgumentException} naming the first line that breaks the format. */
    public static PrometheusScrape parse(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a scrape ends with a line feed");
        }
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> finishedFamilies = new HashSet<>();
        Set<String> series = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        String currentFamily = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            try {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String[] parts = line.split(" ", 4);
                    if (parts.length >= 3 && parts[1].equals("TYPE")) {
                        String name = metricName(parts[2]);
                        if (parts.length != 4 || !TYPES.contains(parts[3])) {
                            throw new IllegalArgumentException("unknown type");
                        }
                        if (types.put(name, parts[3]) != null) {
                            throw new IllegalArgumentException("a second TYPE for " + name);
                        }
                        if (finishedFamilies.contains(name) || name.equals(currentFamily)) {
                            throw new IllegalArgumentException("TYPE for " + name + " after its samples");
                        }
                    } else if (parts.length >= 3 && parts[1].equals("HELP")) {
                        if (!helped.add(metricName(parts[2]))) {
                            throw new IllegalArgumentException("a second HELP for " + parts[2]);
                        }
                    }
                    continue;
                }
                Sample sample = sample(line);
                String family = family(sample.name(), types);
                if (!family.equals(currentFamily)) {
                    if (currentFamily != null) {
                        finishedFamilies.add(currentFamily);
                    }
                    if (finishedFamilies.contains(family)) {
                        throw new IllegalArgumentException("the samples of " + family + " are not together");
                    }
                    currentFamily = family;
                }
                if (!series.add(sample.name() + sample.labels())) {
                    throw new IllegalArgumentException("the series appears twice");
                }
                samples.add(sample);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " breaks the text format (" + e.getMessage()
                        + "): " + line, e);
            }
        }
        return new PrometheusScrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one metric name (with its suffix, e.g. {@code _total}), in scrape order. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Whether at least one series of that name is exposed. */
    public boolean has(String name) {
        return !samples(name).isEmpty();
    }

    /** The value of the one series of that name whose labels include all the given ones. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(matching.size() + " series of " + name + " with " + labels
                    + " (of " + samples(name) + ")");
        }
        return matching.get(0).value();
    }

    private static String family(String name, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static String metricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        return name;
    }

    private static Sample sample(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        String name = metricName(line.substring(0, end));
        Map<String, String> labels = new LinkedHashMap<>();
        int at = end;
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        if (at >= line.length() || line.charAt(at) != ' ') {
            throw new IllegalArgumentException("no value");
        }
        String[] rest = line.substring(at + 1).split(" ", -1);
        if (rest.length > 2 || !NUMBER.matcher(rest[0]).matches()) {
            throw new IllegalArgumentException("not a value [timestamp]");
        }
        if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
            throw new IllegalArgumentException("not a timestamp: " + rest[1]);
        }
        String value = rest[0].replace("Inf", "Infinity").replace("inf", "Infinity");
        return new Sample(name, Map.copyOf(labels), Double.parseDouble(value));
    }

    /** Reads {@code name="value",…}} from {@code at}; answers the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            int eq = line.indexOf('=', at);
            if (eq < 0) {
                throw new IllegalArgumentException("a label without a value");
            }
            String label = line.substring(at, eq);
            if (!LABEL_NAME.matcher(label).matches()) {
                throw new IllegalArgumentException("not a label name: " + label);
            }
            if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("label value not quoted");
            }
            StringBuilder value = new StringBuilder();
            int i = eq + 2;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = i + 1 < line.length() ? line.charAt(++i) : ' ';
                    switch (escaped) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("unterminated label value");
            }
            if (labels.put(label, value.toString()) != null) {
                throw new IllegalArgumentException("label " + label + " twice");
            }
            at = i + 1;
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            } else if (at >= line.length() || line.charAt(at) != '}') {
                throw new IllegalArgumentException("labels not separated by a comma");
            }
        }
    }
}
