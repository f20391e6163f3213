package dev.claraop.ingest.detection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The name a draft campaign starts with, made from the sender's domain, the kind of offer and the month, never from
 * the subject or the sender's display name: those are written by people and carry names, handles and amounts
 * (personal data that would then travel on Kafka and into payout-service). The agency renames the draft anyway.
 */
public final class CampaignNames {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  /** The kind of offer, by the first of these cues that fired; anything else is a collaboration. */
  private static final List<Map.Entry<String, String>> KINDS = List.of(
      Map.entry("subject.sponsorship", "sponsorship"), Map.entry("subject.ambassador", "ambassador programme"),
      Map.entry("subject.gifting", "gifting"), Map.entry("subject.campaign-brief", "campaign"));

  /** E.g. {@code Lumen Skincare sponsorship, Oct 2026} for a sponsorship from {@code partners@lumen-skincare.com}. */
  public static String suggest(SenderAddress sender, DealVerdict verdict, Instant receivedAt) {
    String brand = sender == null || sender.freeMail() ? "Unnamed brand" : brand(sender.organisation());
    List<String> fired = verdict.cueNames();
    String kind = KINDS.stream().filter(k -> fired.contains(k.getKey())).findFirst().map(Map.Entry::getValue)
        .orElse("collaboration");
    return brand + " " + kind + ", " + MONTH.format(receivedAt);
  }

  /** {@code lumen-skincare} → {@code Lumen Skincare}. */
  static String brand(String organisation) {
    return Arrays.stream(organisation.split("[-_]+")).filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining(" "));
  }

  private CampaignNames() {}
}
