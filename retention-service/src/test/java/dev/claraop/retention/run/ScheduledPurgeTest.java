package dev.claraop.retention.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/** The daily job's schedule: 03:00 UTC whatever the host's zone, under the lock named as the seed names the job. */
class ScheduledPurgeTest {

  @Test
  void the_job_runs_daily_at_three_utc_under_its_lock() throws Exception {
    var method = ScheduledPurge.class.getMethod("runDaily");
    Scheduled scheduled = method.getAnnotation(Scheduled.class);
    assertThat(scheduled.zone()).isEqualTo("UTC");
    Matcher placeholder = Pattern.compile("\\$\\{([^:]+):(.+)}").matcher(scheduled.cron());
    assertThat(placeholder.matches()).isTrue();
    assertThat(placeholder.group(1)).isEqualTo("claraop.retention.payout-purge-cron");
    assertThat(applicationYml()).contains("payout-purge-cron: ${CLARAOP_RETENTION_PAYOUT_PURGE_CRON:" + placeholder.group(2) + "}");

    CronExpression cron = CronExpression.parse(placeholder.group(2));
    // A host in New York at 23:30 local time, 04:30 UTC: the next run is 03:00 UTC the next day.
    ZonedDateTime from = ZonedDateTime.of(2026, 3, 9, 23, 30, 0, 0, ZoneId.of("America/New_York"))
        .withZoneSameInstant(ZoneOffset.UTC);
    assertThat(cron.next(from)).isEqualTo(ZonedDateTime.of(2026, 3, 11, 3, 0, 0, 0, ZoneOffset.UTC));
    assertThat(cron.next(ZonedDateTime.of(2026, 3, 11, 2, 59, 59, 0, ZoneOffset.UTC)))
        .isEqualTo(ZonedDateTime.of(2026, 3, 11, 3, 0, 0, 0, ZoneOffset.UTC));

    assertThat(method.getAnnotation(SchedulerLock.class).name()).isEqualTo("payout_retention_purge");
  }

  private static String applicationYml() throws IOException {
    try (InputStream in = ScheduledPurgeTest.class.getResourceAsStream("/application.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
