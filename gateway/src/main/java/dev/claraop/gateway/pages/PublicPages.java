package dev.claraop.gateway.pages;

import java.util.List;
import java.util.Set;

/**
 * The only paths anyone may cache or index. Everything else, including a path nobody thought of, is
 * private by default. The sitemap lists the pages; robots.txt points crawlers away from the rest.
 */
public final class PublicPages {

  /** Pages a person reads, in the order the sitemap lists them. */
  static final List<String> PAGES = List.of("/", "/security", "/contact");
  private static final Set<String> ASSETS = Set.of("/robots.txt", "/sitemap.xml", "/site.css", "/.well-known/security.txt");

  public static boolean isPublic(String path) {
    return PAGES.contains(path) || ASSETS.contains(path);
  }

  private PublicPages() {}
}
