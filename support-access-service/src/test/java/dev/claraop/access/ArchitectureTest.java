package dev.claraop.access;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.claraop.test.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.claraop.access", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests service_rules = ArchTests.in(ServiceArchitecture.class);
}
