package dev.claraop.test;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * How a fixture finds its server (DESIGN §9): an address in the environment, else a container when a
 * Docker engine answers, else the embedded fallback that runs on any machine with a JDK.
 */
final class Resolution {

  private static final Logger log = LoggerFactory.getLogger(Resolution.class);
  private static Boolean docker;

  static String fromEnvironment(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) value = System.getProperty(variable);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Asked once per JVM; {@code CLARAOP_TEST_DOCKER=false} skips the probe. */
  static synchronized boolean dockerAvailable() {
    if (docker == null) {
      if ("false".equalsIgnoreCase(fromEnvironment("CLARAOP_TEST_DOCKER"))) {
        docker = false;
      } else {
        try {
          docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
          docker = false;
        }
      }
      log.info("Docker engine {}", docker ? "answers: fixtures use Testcontainers" : "absent: fixtures use embedded servers");
    }
    return docker;
  }

  private Resolution() {}
}
