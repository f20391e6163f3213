package dev.claraop.ingest.connect;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a consent may take, and where the browser lands after it. */
@ConfigurationProperties("claraop.inbox")
record InboxSettings(Duration consentLifetime, URI appUri) {}
