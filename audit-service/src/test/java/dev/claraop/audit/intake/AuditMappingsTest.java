package dev.claraop.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import org.junit.jupiter.api.Test;

class AuditMappingsTest {

  @Test
  void every_published_event_type_has_an_audit_mapping() {
    for (EventType<?> type : EventTypes.all()) {
      assertThat(AuditMappings.of(type)).as("audit mapping for %s", type.name()).isPresent();
    }
  }
}
