package dev.claraop.payout.profile;

/**
 * A creator's bank account as a batch line keeps it: sealed under the batch's own data key, its masked form for
 * views, and the profile's last editor (the four-eyes rule).
 */
public record ProfileSnapshot(String sealedAccount, String maskedAccount, String editedBy) {}
