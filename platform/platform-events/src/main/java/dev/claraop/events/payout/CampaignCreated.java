package dev.claraop.events.payout;

/** {@code payout.campaign.created} v1: an ADMIN or MANAGER made a campaign by hand (ACTIVE from the start). */
public record CampaignCreated(String campaignId, String name, String brand, String createdBy) {}
