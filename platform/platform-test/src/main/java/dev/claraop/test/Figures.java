package dev.claraop.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service benchmark's figures in the order they were measured, and the one line of JSON its run ends with
 * ({@code "benchmark"} first), which scripts and the next reader compare without parsing the table. The e2e module
 * keeps its own, with targets: it does not depend on this module.
 */
public final class Figures {

  private final Map<String, Object> values = new LinkedHashMap<>();

  public Figures(String benchmark) {
    values.put("benchmark", benchmark);
  }

  /** Doubles are kept to three decimals; NaN and infinities are refused, since JSON has no way to write them. */
  public Figures with(String key, Number value) {
    if (value instanceof Double d && !Double.isFinite(d)) throw new IllegalArgumentException(key + " is " + d);
    values.put(key, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    return this;
  }

  public Object get(String key) {
    return values.get(key);
  }

  /** Every figure by its key, {@code "benchmark"} included, in the order they were added. */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /** The figures as one line of JSON: numbers as numbers, the benchmark's name as a string. */
  public String json() {
    return values.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + (e.getValue() instanceof Number ? e.getValue() : quote(String.valueOf(e.getValue()))))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
