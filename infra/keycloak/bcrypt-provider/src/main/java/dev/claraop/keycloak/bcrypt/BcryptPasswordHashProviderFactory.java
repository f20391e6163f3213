package dev.claraop.keycloak.bcrypt;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@code bcrypt} with Keycloak's password-hashing SPI (META-INF/services). The provider holds no
 * per-session state, so one instance serves every session. The cost used when a realm's policy names no
 * {@code hashIterations} can be changed with {@code --spi-password-hashing-bcrypt-default-cost}.
 */
public final class BcryptPasswordHashProviderFactory implements PasswordHashProviderFactory {

  private BcryptPasswordHashProvider provider = new BcryptPasswordHashProvider(BcryptPasswordHashProvider.DEFAULT_COST);

  @Override
  public PasswordHashProvider create(KeycloakSession session) {
    return provider;
  }

  @Override
  public void init(Config.Scope config) {
    provider = new BcryptPasswordHashProvider(config.getInt("default-cost", BcryptPasswordHashProvider.DEFAULT_COST));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return BcryptPasswordHashProvider.ID;
  }
}
