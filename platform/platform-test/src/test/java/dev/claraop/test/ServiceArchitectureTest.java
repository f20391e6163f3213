package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared architecture rules catch what they are meant to, on fixture classes that break them. */
class ServiceArchitectureTest {

  private final JavaClasses fixtures = new ClassFileImporter().importPackages("dev.claraop.payout", "dev.claraop.audit");

  @Test
  void a_service_importing_another_service_is_caught() {
    EvaluationResult result = ServiceArchitecture.imports_no_other_service.evaluate(fixtures);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("AuditThing") && d.contains("Leak"));
  }

  @Test
  void a_feature_reaching_into_another_features_internals_is_caught_and_its_own_use_is_not() {
    EvaluationResult result = ServiceArchitecture.internals_stay_in_their_feature.evaluate(fixtures);
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Intruder"))
        .noneMatch(d -> d.contains("Leak.<init>") || d.contains("payout.leak.Leak."));
  }

  @Test
  void a_service_building_a_security_chain_of_its_own_is_caught() {
    EvaluationResult result = ServiceArchitecture.builds_no_security_chain_of_its_own.evaluate(fixtures);
    assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("OwnChain"))
        .noneMatch(d -> d.contains("AuditThing") || d.contains("Intruder"));
  }

  @Test
  void the_service_of_a_package_is_its_third_segment_and_platform_packages_have_none() {
    assertThat(ServiceArchitecture.serviceOf("dev.claraop.payout.batch.internal")).isEqualTo("payout");
    assertThat(ServiceArchitecture.serviceOf("dev.claraop.events.payout")).isNull();
    assertThat(ServiceArchitecture.serviceOf("dev.claraop.platform.web")).isNull();
  }
}
