package dev.claraop.ingest.google;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Google's OAuth and Gmail endpoints and this deployment's OAuth client; the secret comes only from the environment. */
@ConfigurationProperties("claraop.google")
public record GoogleSettings(URI authorizationUri, URI tokenUri, URI revocationUri, String gmailBaseUrl, String clientId,
    String clientSecret, String redirectUri) {

  /** The one scope ClaraOP asks for and accepts: read-only Gmail. */
  public static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";
}
