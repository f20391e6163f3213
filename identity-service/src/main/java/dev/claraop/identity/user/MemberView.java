package dev.claraop.identity.user;

/** @param status INVITED until the user has set a password at the first login */
public record MemberView(String userId, String email, String role, String status) {}
