package dev.claraop.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * Architecture rules every service is held to (STYLE.md, "What we take", 10). A service's test runs them
 * all with {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);}.
 */
public final class ServiceArchitecture {

  private static final Set<String> SERVICES =
      Set.of("gateway", "identity", "payout", "ingest", "audit", "retention", "access");

  /** A service imports no other service's code; services share only platform/*. */
  @ArchTest
  public static final ArchRule imports_no_other_service = classes().that().resideInAPackage("dev.claraop..")
      .should(new ArchCondition<>("depend on no other service's code") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          String own = serviceOf(type.getPackageName());
          for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
            String other = serviceOf(dependency.getTargetClass().getPackageName());
            if (own != null && other != null && !other.equals(own)) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      });

  /** {@code dev.claraop.<service>.<feature>.internal} is reached only from {@code <feature>} itself. */
  @ArchTest
  public static final ArchRule internals_stay_in_their_feature = classes()
      .that().resideInAPackage("dev.claraop.*.*.internal..")
      .should(new ArchCondition<>("be used only inside their own feature") {
        @Override
        public void check(JavaClass internal, ConditionEvents events) {
          String feature = String.join(".", java.util.Arrays.copyOf(internal.getPackageName().split("\\."), 4));
          for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
            String from = dependency.getOriginClass().getPackageName();
            if (!from.equals(feature) && !from.startsWith(feature + ".")) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      })
      .allowEmptyShould(true);

  /** Names say what a thing is in the domain. */
  @ArchTest
  public static final ArchRule names_say_what_things_are = noClasses()
      .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
      .orShould().haveSimpleNameEndingWith("Impl");

  /**
   * Security is set up once, by platform-security's auto-configuration: a chain of a service's own would replace it
   * and every rule it holds (the acting tenant, the service's clock, problem answers). A service adds routes open
   * without a token as {@code PublicRoutes} beans instead. (The gateway is reactive and builds its own.)
   */
  @ArchTest
  public static final ArchRule builds_no_security_chain_of_its_own = noClasses()
      .that().resideInAnyPackage("dev.claraop.identity..", "dev.claraop.payout..", "dev.claraop.ingest..",
          "dev.claraop.audit..", "dev.claraop.retention..", "dev.claraop.access..")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.security.web.SecurityFilterChain")
      .orShould().dependOnClassesThat()
      .haveFullyQualifiedName("org.springframework.security.config.annotation.web.builders.HttpSecurity")
      .allowEmptyShould(true);

  static String serviceOf(String packageName) {
    String[] parts = packageName.split("\\.");
    if (parts.length < 3 || !parts[0].equals("dev") || !parts[1].equals("claraop")) return null;
    return SERVICES.contains(parts[2]) ? parts[2] : null;
  }

  private ServiceArchitecture() {}
}
