package dev.claraop.gateway.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The signed-in area's landing page. Reached only with a session (EdgeSecurity sends anyone else to
 * Keycloak's login page); it names who is signed in, so a person can tell their sign-in worked.
 */
@Configuration(proxyBeanMethods = false)
class SignedInApp {

  @Bean
  RouterFunction<ServerResponse> appPages() {
    return RouterFunctions.route()
        .GET("/app/**", request -> request.principal()
            .flatMap(principal -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page(name(principal)))))
        .build();
  }

  private static String name(java.security.Principal principal) {
    if (principal instanceof OAuth2AuthenticationToken token) {
      Object username = token.getPrincipal().getAttributes().get("preferred_username");
      if (username != null) return username.toString();
    }
    return principal.getName();
  }

  private static String page(String name) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ClaraOP</title><link rel="stylesheet" href="/site.css"></head>
        <body>
          <h1>ClaraOP</h1>
          <p>Signed in as %s.</p>
        </body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(name));
  }
}
