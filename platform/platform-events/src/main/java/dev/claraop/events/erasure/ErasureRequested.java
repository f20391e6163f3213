package dev.claraop.events.erasure;

import java.util.List;

/**
 * {@code retention.erasure.requested} v1: an account's deletion grace ended without reactivation, so every
 * service named in {@code services} must delete what it holds of the user and answer with its
 * {@code <service>.user-data.erased}. Asked again (attempt + 1) of the services that have not answered
 * within retention's timeout; erasing is idempotent, so a second ask of a service that did erase is harmless.
 *
 * @param services the services still to confirm, of {@link ErasureServices#ALL}
 */
public record ErasureRequested(String erasureId, String userId, int attempt, List<String> services) {}
