package dev.claraop.access.publicform;

import java.time.Instant;

public record SecurityReportView(String reference, String email, String summary, String details, Instant receivedAt) {

  static SecurityReportView of(SecurityReport report) {
    return new SecurityReportView(report.reference(), report.email(), report.summary(), report.details(),
        report.receivedAt());
  }
}
