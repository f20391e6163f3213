package dev.claraop.events.erasure;

import java.util.List;

/** The services that hold a user's data and so take part in every account erasure (DESIGN §6.6). */
public final class ErasureServices {
  public static final String IDENTITY = "identity";
  public static final String PAYOUT = "payout";
  public static final String INGEST = "ingest";
  public static final String ACCESS = "access";

  public static final List<String> ALL = List.of(IDENTITY, PAYOUT, INGEST, ACCESS);

  private ErasureServices() {}
}
