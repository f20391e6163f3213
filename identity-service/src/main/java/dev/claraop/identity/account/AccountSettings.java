package dev.claraop.identity.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a deletion request can still be taken back (DESIGN §6.2: 30 days). */
@ConfigurationProperties("claraop.identity.account")
public record AccountSettings(@DefaultValue("30d") Duration deletionGrace) {}
