package dev.claraop.identity.delegation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The longest a delegation may be approved for; a longer one is an ordinary membership in disguise. */
@ConfigurationProperties("claraop.identity.delegation")
public record DelegationSettings(@DefaultValue("90d") Duration longest) {}
