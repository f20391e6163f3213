package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web console's journeys (web/e2e, Playwright driving Debian's Chromium), each as a person clicks it,
 * against this run's suite: two admins and one batch, a creator, a manager, staff access, the inbox and
 * sign-out, with the checks every journey makes (no token in the page's reach, CSRF refused, no CSP
 * violation, axe on every screen). Screenshots go to {@code e2e/target/console-screenshots}.
 */
class ConsoleJourneysE2ETest {

  private static Suite suite;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
    new Seeds(suite, new Api(suite)).allowSignInAt(suite.gateway);
  }

  @Test
  void every_role_does_its_daily_work_in_the_console() throws Exception {
    Path root = Path.of(System.getProperty("claraop.root", "..")).toAbsolutePath().normalize();
    Path web = root.resolve("web");
    assertThat(web.resolve("node_modules")).as("the web module's build installs the console's packages").isDirectory();
    Path screenshots = root.resolve("e2e/target/console-screenshots");
    Files.createDirectories(screenshots);
    // Playwright's report goes to a file and is printed from here: a child writing to this fork's own stdout (or
    // reading its stdin) would corrupt Surefire's channel to it.
    Path report = root.resolve("e2e/target/console-journeys.log");
    ProcessBuilder journeys = new ProcessBuilder("npm", "run", "e2e").directory(web.toFile())
        .redirectErrorStream(true).redirectOutput(report.toFile());
    journeys.environment().put("CLARAOP_GATEWAY", suite.gateway);
    journeys.environment().put("CLARAOP_KEYCLOAK", suite.keycloak);
    journeys.environment().put("CLARAOP_SCREENSHOTS", screenshots.toString());
    journeys.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    journeys.environment().put("CI", "true");
    Process process = journeys.start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the console journeys did not finish in 20 minutes");
    }
    String output = Files.readString(report);
    System.out.println(output);
    assertThat(process.exitValue()).as("Playwright's exit code; its report:%n%s", output).isZero();
    try (var shots = Files.list(screenshots)) {
      assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).as("screenshots of the main screens").isPositive();
    }
  }
}
