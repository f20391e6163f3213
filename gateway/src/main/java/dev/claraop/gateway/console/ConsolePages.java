package dev.claraop.gateway.console;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The web console (module {@code web}, packaged under {@code console/} in the classpath): a single-page
 * app at {@code /app/}. A path naming a built file serves that file; any other path under {@code /app/}
 * is one of the app's own routes and gets {@code index.html}, so a reload or a shared link works.
 * Hashed assets never change and are cached for a year ({@link #IMMUTABLE}); {@code index.html} is never
 * stored, so a new build and a sign-out take effect at once.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

  static final String ROOT = "console/";
  static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();
  private static final Set<String> ALLOWED = Set.of("js", "css", "svg", "png", "ico", "woff2", "txt", "json", "map");

  private final ConsoleSettings settings;

  ConsolePages(ConsoleSettings settings) {
    this.settings = settings;
  }

  @Bean
  RouterFunction<ServerResponse> console() {
    return RouterFunctions.route()
        .GET("/app", request -> ServerResponse.permanentRedirect(java.net.URI.create("/app/")).build())
        .GET("/app/**", this::serve)
        .build();
  }

  private Mono<ServerResponse> serve(ServerRequest request) {
    String path = request.path().substring("/app/".length());
    Resource file = file(path);
    if (file != null) {
      MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
      var response = ServerResponse.ok().contentType(type);
      if (path.startsWith("assets/")) response = response.cacheControl(IMMUTABLE);
      return response.bodyValue(file);
    }
    if (path.startsWith("assets/")) return ServerResponse.notFound().build(); // a stale hash: never the page
    Resource index = resource("index.html");
    if (!index.exists()) return ServerResponse.status(503).build();
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).bodyValue(index);
  }

  /** A built file, if the path names one: no traversal, no directory, only the kinds a build makes. */
  Resource file(String path) {
    if (path.isEmpty() || path.contains("..") || path.contains("//") || path.contains("\\") || path.endsWith("/")) return null;
    int dot = path.lastIndexOf('.');
    if (dot < 0 || !ALLOWED.contains(path.substring(dot + 1))) return null;
    Resource resource = resource(path);
    return resource.exists() && resource.isReadable() ? resource : null;
  }

  private Resource resource(String path) {
    return settings.directory().isBlank()
        ? new ClassPathResource(ROOT + path)
        : new FileSystemResource(java.nio.file.Path.of(settings.directory()).resolve(path));
  }
}
