package dev.claraop.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A benchmark's figures: a table beside each figure's target and the figure an earlier run or the issue gave,
 * then one JSON line of every figure ({@code "benchmark"} first), which scripts and the next reader can
 * compare without parsing the table.
 */
public final class Figures {

  /** A figure's target (null: none is set, only shown) and the figure it is read against. */
  public record Target(String key, String label, Double atMost, String earlier) {}

  private final Map<String, Object> values = new LinkedHashMap<>();

  public Figures(String benchmark) {
    values.put("benchmark", benchmark);
  }

  public Figures with(String key, Number value) {
    values.put(key, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    return this;
  }

  public Object get(String key) {
    return values.get(key);
  }

  public void print(List<Target> targets) {
    // A run with failed requests measured something else than what it names: no target is met or missed by it.
    boolean failedRequests = values.entrySet().stream()
        .anyMatch(e -> e.getKey().endsWith("Errors") && e.getValue() instanceof Number n && n.doubleValue() > 0);
    String row = "%-48s %12s %10s %8s %18s%n";
    System.out.println();
    System.out.printf(Locale.ROOT, row, "figure", "measured", "target", "", "before");
    for (Target target : targets) {
      Object value = values.get(target.key());
      String measured = value == null ? "-" : value.toString();
      String limit = target.atMost() == null ? "" : "<= " + target.atMost();
      String verdict = target.atMost() == null || !(value instanceof Number number) ? ""
          : failedRequests ? "INVALID" : number.doubleValue() <= target.atMost() ? "met" : "MISSED";
      System.out.printf(Locale.ROOT, row, target.label(), measured, limit, verdict, target.earlier());
    }
    if (failedRequests) System.out.println("requests failed in this run: its figures are not a result");
    System.out.println(json());
  }

  /** The figures as one line of JSON: numbers as numbers, the rest as strings. */
  public String json() {
    return values.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + (e.getValue() instanceof Number ? e.getValue() : quote(String.valueOf(e.getValue()))))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
