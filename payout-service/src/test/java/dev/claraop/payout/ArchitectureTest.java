package dev.claraop.payout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.claraop.payout", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The aggregate, its commands and events know nothing of HTTP, Mongo documents or Kafka. */
  @ArchTest
  static final ArchRule domain_is_free_of_infrastructure = noClasses()
      .that().haveSimpleNameStartingWith("PayoutBatch").or().haveSimpleNameEndingWith("Commands")
      .or().haveSimpleNameEndingWith("Events").or().haveSimpleName("BatchLine")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework.web..", "org.springframework.data..", "org.springframework.kafka..",
          "com.mongodb..", "org.apache.kafka..");

  /** A feature's internal package is its own. */
  @ArchTest
  static final ArchRule internals_stay_inside_their_feature = classes()
      .that().resideInAPackage("dev.claraop.payout.(*).internal..")
      .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.claraop.payout.batch..");

  @ArchTest
  static final ArchRule no_other_service_is_imported = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.claraop.audit..", "dev.claraop.identity..", "dev.claraop.gateway..", "dev.claraop.ingest..",
          "dev.claraop.retention..", "dev.claraop.access..");
}
