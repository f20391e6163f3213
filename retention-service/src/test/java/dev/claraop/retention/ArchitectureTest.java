package dev.claraop.retention;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.claraop.test.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.claraop.retention", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule imports_no_other_service = ServiceArchitecture.importsNoOtherService("retention");

  @ArchTest
  static final ArchRule internals_stay_in_their_feature =
      ServiceArchitecture.featureInternalsStayInTheirFeature("dev.claraop.retention");

  @ArchTest
  static final ArchRule names_say_what_things_are = ServiceArchitecture.noGrabBagNames();
}
