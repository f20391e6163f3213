package dev.claraop.access.grant;

/** Why staff ask for access (DESIGN §6.7); LEGAL alone lets email content be read without tenant consent. */
public enum Reason { SUPPORT_TICKET, INCIDENT, SECURITY_INVESTIGATION, LEGAL }
