package dev.claraop.test;

import dev.claraop.devstack.GoogleStandIn;

/**
 * Google's OAuth and Gmail endpoints for tests: {@code CLARAOP_TEST_GOOGLE_URL} → the stand-in the devstack
 * also runs (WireMock speaking Google's documented JSON), recording requests so a test can verify them.
 * Started at most once per JVM.
 */
public final class GoogleFixture {

  private static String baseUrl;
  private static GoogleStandIn standIn;

  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      String given = Resolution.fromEnvironment("CLARAOP_TEST_GOOGLE_URL");
      if (given != null) {
        baseUrl = given;
      } else {
        standIn = GoogleStandIn.startRecording("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "google-fixture-stop"));
        baseUrl = standIn.baseUrl();
      }
    }
    return baseUrl;
  }

  /** The embedded stand-in, to verify requests; absent when an outside address was given. */
  public static synchronized java.util.Optional<GoogleStandIn> standIn() {
    baseUrl();
    return java.util.Optional.ofNullable(standIn);
  }

  private GoogleFixture() {}
}
