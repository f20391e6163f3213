package dev.claraop.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/** Architecture rules every service is held to (STYLE.md, "What we take", 10). */
public final class ServiceArchitecture {

  private static final List<String> SERVICES =
      List.of("gateway", "identity", "payout", "ingest", "audit", "retention", "access");

  /** A service imports no other service's code; services share only platform/*. */
  public static ArchRule importsNoOtherService(String service) {
    String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "dev.claraop." + s + "..")
        .toArray(String[]::new);
    return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
        .as("dev.claraop." + service + " imports no other service");
  }

  /** {@code <base>.<feature>.internal} is reached only from {@code <base>.<feature>}. */
  public static ArchRule featureInternalsStayInTheirFeature(String basePackage) {
    return classes().that().resideInAPackage(basePackage + ".*.internal..")
        .should(new ArchCondition<>("be used only inside their own feature") {
          @Override
          public void check(JavaClass internal, ConditionEvents events) {
            String feature = featurePackage(basePackage, internal.getPackageName());
            for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
              String from = dependency.getOriginClass().getPackageName();
              if (!from.equals(feature) && !from.startsWith(feature + ".")) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        })
        .allowEmptyShould(true);
  }

  /** Names say what a thing is in the domain. */
  public static ArchRule noGrabBagNames() {
    return noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
        .orShould().haveSimpleNameEndingWith("Impl");
  }

  private static String featurePackage(String base, String pkg) {
    String rest = pkg.substring(base.length() + 1);
    return base + "." + rest.substring(0, rest.indexOf('.'));
  }

  private ServiceArchitecture() {}
}
