package dev.claraop.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.claraop.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The gateway forwards; it knows no service's code and no servlet API. */
  @ArchTest
  static final ArchRule no_service_code_and_no_servlets = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("dev.claraop.payout..", "dev.claraop.audit..", "dev.claraop.identity..",
          "dev.claraop.ingest..", "dev.claraop.retention..", "dev.claraop.access..", "jakarta.servlet..",
          "org.springframework.web.servlet..");
}
