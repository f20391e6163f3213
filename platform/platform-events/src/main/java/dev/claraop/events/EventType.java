package dev.claraop.events;

/**
 * A published event type: its stable wire name (never a Java class name), the schema version a producer
 * writes today, the topic it travels on, and the record that carries its data.
 */
public record EventType<T extends Record>(String name, int schemaVersion, String topic, Class<T> dataType) {

  public EventType {
    if (!name.matches("[a-z]+(\\.[a-z-]+)+")) throw new IllegalArgumentException("bad event type name " + name);
    if (schemaVersion < 1) throw new IllegalArgumentException("schema versions start at 1");
  }

  /** The JSON schema describing this type's {@code data}, on the class path of platform-events. */
  public String schemaResource() {
    return "/schemas/" + name + ".v" + schemaVersion + ".json";
  }
}
