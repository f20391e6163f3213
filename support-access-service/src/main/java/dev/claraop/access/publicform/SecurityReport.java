package dev.claraop.access.publicform;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A vulnerability or privacy report from the public site, read only by security triage. */
@Document("security_reports")
record SecurityReport(@Id String reference, String email, String summary, String details, Instant receivedAt) {}
