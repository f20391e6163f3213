package dev.claraop.events.erasure;

import java.util.Map;

/**
 * {@code <service>.user-data.erased} v1 ({@code identity}, {@code payout}, {@code ingest}, {@code access}):
 * the service deleted what it held of the user for an erasure. {@code removed} counts what went, by kind
 * ({@code "invoices" -> 3}): numbers only, never a name, an email or a value.
 */
public record UserDataErased(String erasureId, String userId, String service, Map<String, Integer> removed) {}
