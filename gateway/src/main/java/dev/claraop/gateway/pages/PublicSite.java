package dev.claraop.gateway.pages;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.claraop.gateway.edge.PublicOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The public site: a few static pages, robots.txt and sitemap.xml. Served by explicit routes rather than a
 * static-resource folder, so nothing is public by accident (Boot's resource mapping is switched off).
 */
@Configuration(proxyBeanMethods = false)
class PublicSite {

  @Bean
  RouterFunction<ServerResponse> publicPages(PublicOrigin publicOrigin, ObjectProvider<Clock> clocks) {
    Clock clock = clocks.getIfAvailable(Clock::systemUTC);
    return RouterFunctions.route()
        .GET("/", request -> page("index.html"))
        .GET("/security", request -> page("security.html"))
        .GET("/contact", request -> page("contact.html"))
        .route(GET("/site.css"), request -> ServerResponse.ok()
            .contentType(MediaType.valueOf("text/css")).bodyValue(new ClassPathResource("site/site.css")))
        .GET("/robots.txt", request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
            .bodyValue(robots(publicOrigin.value())))
        .GET("/sitemap.xml", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_XML)
            .bodyValue(sitemap(publicOrigin.value())))
        .GET("/.well-known/security.txt", request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
            .bodyValue(securityTxt(publicOrigin.value(), clock.instant())))
        .build();
  }

  /**
   * RFC 9116. Expires is always about six months ahead (the RFC asks for less than a year), so the file
   * never goes stale while the gateway runs; the contact is the dedicated security path, not sales or support.
   */
  static String securityTxt(String origin, Instant now) {
    return """
        Contact: mailto:security@claraop.dev
        Contact: %1$s/api/public/security-report
        Expires: %2$s
        Policy: %1$s/security
        Preferred-Languages: en
        Canonical: %1$s/.well-known/security.txt
        """.formatted(origin, DateTimeFormatter.ISO_INSTANT.format(now.plus(Duration.ofDays(180)).truncatedTo(ChronoUnit.SECONDS)));
  }

  static String robots(String origin) {
    return """
        User-agent: *
        Disallow: /api/
        Disallow: /app/
        Sitemap: %s/sitemap.xml
        """.formatted(origin);
  }

  static String sitemap(String origin) {
    return PublicPages.PAGES.stream()
        .map(page -> "  <url><loc>" + origin + page + "</loc></url>")
        .collect(Collectors.joining("\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n", "\n</urlset>\n"));
  }

  private static Mono<ServerResponse> page(String name) {
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(new ClassPathResource("site/" + name));
  }
}
