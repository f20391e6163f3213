package dev.claraop.access.grant;

import java.util.List;

/** What closing a ticket did: the grants and pending requests it ended. */
public record TicketClosure(String ticketId, List<String> endedGrantIds) {}
