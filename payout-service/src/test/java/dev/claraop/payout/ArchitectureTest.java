package dev.claraop.payout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.claraop.test.ServiceArchitecture;

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

  @ArchTest
  static final ArchTests service_rules = ArchTests.in(ServiceArchitecture.class);
}
