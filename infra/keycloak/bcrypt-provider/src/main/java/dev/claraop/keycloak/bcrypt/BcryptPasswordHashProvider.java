package dev.claraop.keycloak.bcrypt;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;

/**
 * Password hashing with bcrypt for realm password policy {@code hashAlgorithm(bcrypt)}. The cost is the
 * policy's {@code hashIterations} (12 when the policy names none) and is stored as the credential's
 * {@code hashIterations}, so {@link #policyCheck} sees a cost or algorithm change and Keycloak rehashes
 * the password at the user's next successful login.
 *
 * <p>The stored value is the standard modular crypt string ({@code $2y$12$<salt><hash>}), readable by any
 * bcrypt implementation. bcrypt reads only 72 bytes of a password: longer ones are first reduced with
 * SHA-512 rather than silently truncated, so two long passwords sharing a prefix never match each other.
 */
public final class BcryptPasswordHashProvider implements PasswordHashProvider {

  public static final String ID = "bcrypt";
  public static final int DEFAULT_COST = 12;
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2Y;
  private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

  private final int defaultCost;
  private final SecureRandom random = new SecureRandom();

  public BcryptPasswordHashProvider(int defaultCost) {
    this.defaultCost = checkedCost(defaultCost);
  }

  @Override
  public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
    PasswordCredentialData stored = credential.getPasswordCredentialData();
    int wanted = cost(policy == null ? -1 : policy.getHashIterations());
    return ID.equals(stored.getAlgorithm()) && stored.getHashIterations() == wanted;
  }

  /** @param iterations the policy's {@code hashIterations}, -1 when it names none */
  @Override
  public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
    int cost = cost(iterations);
    byte[] salt = new byte[BCrypt.SALT_LENGTH];
    random.nextBytes(salt);
    byte[] hash = BCrypt.with(VERSION, random, LONG_PASSWORDS)
        .hash(cost, salt, rawPassword.getBytes(StandardCharsets.UTF_8));
    // The salt is inside the crypt string too; Keycloak's model keeps a copy of its own.
    return PasswordCredentialModel.createFromValues(ID, salt, cost, new String(hash, StandardCharsets.US_ASCII));
  }

  @Override
  public boolean verify(String rawPassword, PasswordCredentialModel credential) {
    String stored = credential.getPasswordSecretData().getValue();
    if (rawPassword == null || stored == null || !stored.startsWith("$2")) return false;
    try {
      return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
          .verify(rawPassword.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.US_ASCII)).verified;
    } catch (IllegalArgumentException malformed) {
      return false; // a damaged stored hash is a failed login, never a server error
    }
  }

  @Override
  public void close() {}

  int cost(int iterations) {
    return iterations == -1 ? defaultCost : checkedCost(iterations);
  }

  private static int checkedCost(int cost) {
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException("bcrypt cost must be " + BCrypt.MIN_COST + " to " + BCrypt.MAX_COST
          + " (policy hashIterations), not " + cost);
    }
    return cost;
  }
}
