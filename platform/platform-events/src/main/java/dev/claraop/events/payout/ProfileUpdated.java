package dev.claraop.events.payout;

import java.util.List;

/**
 * {@code payout.profile.updated} v1: a creator's payout profile was set. Names the fields the edit changed, never
 * a value: bank details are P0 and stay sealed in payout-service (DESIGN §4). The actor is the editor.
 *
 * @param changedFields API names, of {@code accountHolder, country, currency, accountNumber, routingCode, iban,
 *     bic, taxId}; a bank-detail field supplied in the edit counts as changed (they are write-only)
 */
public record ProfileUpdated(String creatorId, String editedBy, List<String> changedFields) {}
