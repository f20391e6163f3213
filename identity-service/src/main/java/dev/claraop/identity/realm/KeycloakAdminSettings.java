package dev.claraop.identity.realm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How identity-service reaches Keycloak's admin API (master realm, admin-cli); the password from the environment. */
@ConfigurationProperties("claraop.identity.keycloak")
public record KeycloakAdminSettings(String url, String username, String password) {}
