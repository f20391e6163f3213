package dev.claraop.ingest.detection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a From header detection uses: the mailbox name before the {@code @} and the domain. The display name
 * is a person's name more often than not, so it is never kept.
 *
 * @param localPart lower case, e.g. {@code partnerships}
 * @param domain lower case, e.g. {@code mail.glowtheory.com}
 */
public record SenderAddress(String localPart, String domain) {

  /** Public suffixes of two labels that brands in our corpus use; enough to find the organisation's own label. */
  private static final Set<String> TWO_LABEL_SUFFIXES = Set.of("co.uk", "org.uk", "com.au", "co.nz", "com.br", "com.mx",
      "com.tr", "co.jp", "co.in", "co.za", "com.sg", "gov.uk", "ac.uk");
  private static final Set<String> FREE_MAIL = Set.of("gmail", "googlemail", "yahoo", "ymail", "outlook", "hotmail",
      "live", "msn", "icloud", "me", "aol", "proton", "protonmail", "gmx", "yandex", "zoho", "btinternet", "web", "mail");

  public SenderAddress {
    if (localPart == null || domain == null || domain.isBlank()) throw new IllegalArgumentException("no sender address");
  }

  /** The address in a From header ({@code Name <a@b.c>} or {@code a@b.c}); empty when there is none. */
  public static Optional<SenderAddress> parse(String from) {
    if (from == null) return Optional.empty();
    int open = from.lastIndexOf('<');
    int close = from.lastIndexOf('>');
    String address = (open >= 0 && close > open ? from.substring(open + 1, close) : from).trim();
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) return Optional.empty();
    String domain = address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    if (!domain.matches("[a-z0-9.-]+\\.[a-z0-9-]+")) return Optional.empty();
    return Optional.of(new SenderAddress(address.substring(0, at).trim().toLowerCase(Locale.ROOT), domain));
  }

  /** The organisation's registered domain: {@code glowtheory.co.uk} for {@code mail.glowtheory.co.uk}. */
  public String organisationDomain() {
    List<String> labels = List.of(domain.split("\\."));
    int keep = Math.min(labels.size(), suffixLabels(labels) + 1);
    return String.join(".", labels.subList(labels.size() - keep, labels.size()));
  }

  /** The organisation's own label: {@code glowtheory} for {@code mail.glowtheory.co.uk}. */
  public String organisation() {
    return organisationDomain().split("\\.")[0];
  }

  /** Labels in front of the organisation, e.g. {@code [mail]}: bulk mail is often sent from such a subdomain. */
  List<String> subdomains() {
    List<String> labels = List.of(domain.split("\\."));
    return labels.subList(0, Math.max(0, labels.size() - suffixLabels(labels) - 1));
  }

  private static int suffixLabels(List<String> labels) {
    return labels.size() >= 3
        && TWO_LABEL_SUFFIXES.contains(labels.get(labels.size() - 2) + "." + labels.get(labels.size() - 1)) ? 2 : 1;
  }

  /** The domain only: the mailbox name may be a person's. */
  @Override
  public String toString() {
    return "SenderAddress[@" + domain + "]";
  }

  /** A free mail provider: the sender's domain says nothing about a brand. */
  public boolean freeMail() {
    return FREE_MAIL.contains(organisation());
  }
}
