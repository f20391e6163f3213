package dev.claraop.gateway.pages;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.claraop.gateway.edge.PublicOrigin;
import java.util.stream.Collectors;
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
  RouterFunction<ServerResponse> publicPages(PublicOrigin publicOrigin) {
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
        .build();
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
