package dev.claraop.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens this gateway has already found valid, by their SHA-256, with the subject they name, until
 * they expire. It lets the rate limiter charge a caller's own budget before the token is checked again, and
 * charge everything else (no token, a forged one, one never seen) to its address's anonymous budget, so a
 * flood of forged tokens is refused without a signature check each. Only hashes are kept, never a token.
 */
@Component
public class KnownTokens {

  private record Known(String subject, Instant expiresAt) {}

  private final Clock clock;
  private final Cache<String, Known> tokens;

  public KnownTokens() {
    this(Clock.systemUTC());
  }

  KnownTokens(Clock clock) {
    this.clock = clock;
    this.tokens = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Known>() {
      @Override
      public long expireAfterCreate(String key, Known known, long currentTime) {
        return Math.max(0, Duration.between(clock.instant(), known.expiresAt()).toNanos());
      }

      @Override
      public long expireAfterUpdate(String key, Known known, long currentTime, long currentDuration) {
        return expireAfterCreate(key, known, currentTime);
      }

      @Override
      public long expireAfterRead(String key, Known known, long currentTime, long currentDuration) {
        return currentDuration;
      }
    }).build();
  }

  void remember(String token, String subject, Instant expiresAt) {
    if (subject != null && expiresAt != null && expiresAt.isAfter(clock.instant())) {
      tokens.put(hash(token), new Known(subject, expiresAt));
    }
  }

  /** The subject of a token found valid before and not expired since. */
  public Optional<String> subject(String token) {
    Known known = tokens.getIfPresent(hash(token));
    return known == null || !known.expiresAt().isAfter(clock.instant()) ? Optional.empty() : Optional.of(known.subject());
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
