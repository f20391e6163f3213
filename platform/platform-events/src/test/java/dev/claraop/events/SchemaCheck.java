package dev.claraop.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an event's {@code data} against its type's JSON schema, for producers' and consumers' tests (it
 * ships in the test-jar with the golden samples). It knows exactly the keywords our schemas use and fails
 * on any other, so a schema that grows a new keyword cannot pass here unchecked.
 */
public final class SchemaCheck {

  private static final Set<String> KNOWN = Set.of("$schema", "$id", "title", "description", "type",
      "additionalProperties", "required", "properties", "items", "uniqueItems", "minLength", "maxLength",
      "pattern", "enum", "minimum", "exclusiveMinimum", "format", "propertyNames", "minItems");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The ways {@code data} breaks the schema of {@code type}; empty when it conforms. */
  public static List<String> violations(EventType<?> type, JsonNode data) {
    List<String> found = new ArrayList<>();
    check(schemaOf(type), data, "data", found);
    return found;
  }

  static JsonNode schemaOf(EventType<?> type) {
    try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
      if (in == null) throw new IllegalStateException("no schema " + type.schemaResource());
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
    for (String keyword : schema.propertyNames()) {
      if (!KNOWN.contains(keyword)) throw new IllegalStateException("schema keyword not supported: " + keyword);
    }
    if (schema.has("type") && !hasType(value, schema.get("type").asString())) {
      found.add(path + " is not of type " + schema.get("type").asString());
      return;
    }
    if (value.isObject()) checkObject(schema, value, path, found);
    if (value.isArray() && schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      found.add(path + " has too few items");
    }
    if (value.isArray() && schema.has("items")) {
      Set<JsonNode> seen = new HashSet<>();
      int i = 0;
      for (JsonNode item : value.values()) {
        check(schema.get("items"), item, path + "[" + i++ + "]", found);
        if (schema.path("uniqueItems").asBoolean(false) && !seen.add(item)) found.add(path + " repeats an item");
      }
    }
    if (value.isString()) checkString(schema, value.stringValue(), path, found);
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
        found.add(path + " is below its minimum");
      }
      if (schema.has("exclusiveMinimum") && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
        found.add(path + " is not above its exclusive minimum");
      }
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum").values()) listed |= allowed.equals(value);
      if (!listed) found.add(path + " is not one of the listed values");
    }
  }

  private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> found) {
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required").values()) {
      if (!value.has(required.asString())) found.add(path + "." + required.asString() + " is missing");
    }
    JsonNode additional = schema.path("additionalProperties");
    for (String name : value.propertyNames()) {
      if (schema.has("propertyNames")) checkString(schema.get("propertyNames"), name, path + " key " + name, found);
      if (properties.has(name)) {
        check(properties.get(name), value.get(name), path + "." + name, found);
      } else if (additional.isObject()) { // a map: every value follows one schema
        check(additional, value.get(name), path + "." + name, found);
      } else if (!additional.asBoolean(true)) {
        found.add(path + "." + name + " is not allowed");
      }
    }
  }

  private static void checkString(JsonNode schema, String text, String path, List<String> found) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) found.add(path + " is too short");
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) found.add(path + " is too long");
    if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
      found.add(path + " does not match its pattern");
    }
    if (schema.has("format")) {
      String format = schema.get("format").asString();
      if (!format.equals("date-time")) throw new IllegalStateException("format not supported: " + format);
      try {
        Instant.parse(text);
      } catch (DateTimeParseException e) {
        found.add(path + " is not a date-time");
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber()
          || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalStateException("type not supported: " + type);
    };
  }

  private SchemaCheck() {}
}
