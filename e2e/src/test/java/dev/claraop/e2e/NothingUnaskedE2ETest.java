package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running suite does nothing nobody asked for: no service listens beyond the loopback interface on the
 * devstack, and payout-service (the one Axon service) never starts Axon's update checker, which would
 * report to AxonIQ from a service that holds payroll data.
 */
class NothingUnaskedE2ETest {

  private static Suite suite;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
  }

  @Test
  void every_service_of_the_devstack_listens_on_the_loopback_interface_only() throws Exception {
    List<String> listening = listeningSockets();
    for (var service : suite.services.entrySet()) {
      int port = java.net.URI.create(service.getValue()).getPort();
      List<String> bound = listening.stream().filter(s -> s.endsWith(":" + port)).toList();
      assertThat(bound).as(service.getKey() + " listens").isNotEmpty()
          .allSatisfy(address -> assertThat(address).as(service.getKey()).startsWith("loopback:"));
    }
  }

  @Test
  void payout_service_never_starts_axons_update_checker() throws Exception {
    String log = Files.readString(suite.logs.resolve("payout-service.log"));
    // The log of the running process only (a reused stack's log holds earlier runs too).
    String run = log.substring(Math.max(0, log.lastIndexOf("Starting PayoutServiceApplication")));
    assertThat(run).as("payout-service's log since it started").contains("Started PayoutServiceApplication")
        .doesNotContain("org.axonframework.updates");
  }

  /** Listening TCP sockets as {@code loopback:<port>} or {@code <hex address>:<port>}, from the kernel's tables. */
  private static List<String> listeningSockets() throws Exception {
    List<String> sockets = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) continue;
      for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
        String[] fields = line.trim().split("\\s+");
        if (!"0A".equals(fields[3])) continue; // LISTEN
        String[] local = fields[1].split(":");
        int port = Integer.parseInt(local[1], 16);
        String address = local[0].toUpperCase(Locale.ROOT);
        boolean loopback = address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F")
            || address.equals("00000000000000000000000001000000");
        sockets.add((loopback ? "loopback" : address) + ":" + port);
      }
    }
    return sockets;
  }
}
