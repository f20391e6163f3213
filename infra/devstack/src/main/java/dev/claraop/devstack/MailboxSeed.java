package dev.claraop.devstack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The demo mailbox every stand-in account starts with: 50 messages an agency inbox plausibly holds, 15 of them
 * brand deals (one a follow-up in the thread of the first) ({@link Mail#deal()}), the rest newsletters, receipts, notifications and people. Snippets are body
 * text as Gmail previews it: a client that stores none of them stores no body.
 */
public final class MailboxSeed {

  /** One message as delivered; {@code threadKey} groups follow-ups into the thread of an earlier message. */
  public record Mail(String from, String subject, String snippet, boolean deal, String threadKey) {}

  private static Mail deal(String from, String subject, String snippet) {
    return new Mail(from, subject, snippet, true, null);
  }

  private static Mail other(String from, String subject, String snippet) {
    return new Mail(from, subject, snippet, false, null);
  }

  public static final List<Mail> DEMO = List.of(
      new Mail("Partnerships <partners@lumen-skincare.example>", "Paid partnership proposal: Summer glow launch",
          "We'd love to partner with Cleo on our summer launch, budget attached", true, "lumen"),
      other("The Creator Economy Weekly <newsletter@creatorweekly.example>", "This week: 7 trends in short video",
          "Unsubscribe at any time. This week in creator news"),
      deal("Ridgeline Outdoor <collabs@ridgeline.example>", "Sponsorship: Trail running series brief",
          "Sponsorship brief and rates for the trail series"),
      other("Print Shop <billing@printshop.example>", "Invoice #4471", "Your invoice from the printer is attached"),
      other("Google <no-reply@accounts.google.example>", "Security alert: new sign-in on Windows",
          "We noticed a new sign-in to your Google Account"),
      deal("Maya Chen <maya@brightbrew-coffee.example>", "Collab inquiry: Brightbrew x your creators",
          "Hi! We're looking for three lifestyle creators for a paid collab in March"),
      other("Amazon.example <auto-confirm@amazon.example>", "Your order #112-4471-9921 has shipped",
          "Your package is on its way"),
      other("Sam Ortiz <sam.ortiz@gmail.example>", "Lunch on Thursday?", "Are we still on for Thursday at noon"),
      deal("Nordlys Audio <influencer@nordlys-audio.example>", "Influencer campaign: new headphones, usage rights + fee",
          "Campaign brief for the NL-7 launch with fee and usage rights"),
      other("Stripe <receipts@stripe.example>", "Your receipt from Canva #2931-4410", "Receipt for your payment"),
      other("LinkedIn <notifications-noreply@linkedin.example>", "You appeared in 12 searches this week",
          "See who's looking at your profile"),
      deal("Oak & Ember Candles <hello@oakember.example>", "Brand deal offer for @cleo.creates - 3 reels",
          "We'd like to offer a brand deal for three reels, rate card welcome"),
      other("Calendly <notifications@calendly.example>", "New event: Intro call with Dana",
          "A new event has been scheduled"),
      other("Figma <no-reply@figma.example>", "Dana commented on Moodboard Q4", "Dana left a comment"),
      deal("Velo Bikes Partnerships <partnerships@velobikes.example>", "Ambassador program 2027 - paid partnership",
          "Our ambassador program pays a monthly retainer plus commission"),
      other("Substack <digest@substack.example>", "Your weekly digest", "Top posts from the newsletters you read"),
      other("PayPal <service@paypal.example>", "You've got money", "You received a payment of $120.00"),
      other("Jess from Notion <team@makenotion.example>", "Introducing Notion Mail", "Meet the inbox that thinks like you"),
      deal("Greenleaf Snacks Marketing <marketing@greenleafsnacks.example>", "Sponsored post opportunity - Q1 budget",
          "We have budget for sponsored posts in Q1 and love your creators"),
      other("Dropbox <no-reply@dropbox.example>", "Your Dropbox is almost full", "Upgrade to get more space"),
      other("Dana Kim <dana.kim@gmail.example>", "Re: photos from the shoot", "Here are the edited photos"),
      deal("Aurora Travel <creators@auroratravel.example>", "Creator collaboration: Iceland press trip + fee",
          "Paid press trip for two creators, flights and fee included"),
      other("Uber Receipts <uber.us@uber.example>", "Your Tuesday evening trip with Uber", "Thanks for riding"),
      other("GitHub <noreply@github.example>", "[claraop] Your password was reset", "Your password was reset"),
      deal("Halo Fitness <partners@halofitness.example>", "Partnership proposal: 30-day challenge campaign",
          "Proposal for a sponsored 30-day challenge, compensation attached"),
      other("The Verge <newsletter@theverge.example>", "Installer: the week in gadgets", "View in browser"),
      other("Shopify <mailer@shopify.example>", "Order #1042 confirmed", "Thank you for your purchase"),
      other("Mum <mum@family.example>", "Sunday dinner", "Bring the kids if you can"),
      deal("Pixel & Pine Studio <ugc@pixelpine.example>", "UGC campaign brief - paid, 5 videos",
          "We need five UGC videos for our spring campaign, paid per video"),
      other("Zoom <no-reply@zoom.example>", "Cloud recording available", "Your cloud recording is now available"),
      other("Instagram <security@mail.instagram.example>", "New login to your account", "We noticed a login"),
      other("Booking.example <noreply@booking.example>", "Your booking confirmation", "Your stay in Lisbon is confirmed"),
      deal("Solstice Swimwear <collab@solsticeswim.example>", "Paid collab: summer capsule try-on haul",
          "Paid collaboration for a try-on haul, we'd send the capsule and a fee"),
      other("Medium Daily Digest <noreply@medium.example>", "Stories for you", "Today's highlights"),
      other("Apple <no_reply@email.apple.example>", "Your receipt from Apple", "Receipt Apple ID"),
      other("Priya Patel <priya@agencyfriends.example>", "Coffee next week?", "Would love to catch up"),
      deal("Kinetic Energy Drinks <sponsorships@kineticdrinks.example>", "Sponsorship offer: gaming stream series",
          "Sponsorship offer for a 6-week gaming stream series with fixed fee"),
      other("Canva <marketing@engage.canva.example>", "New templates for your brand", "Fresh templates this week"),
      other("Mailchimp <billing@mailchimp.example>", "Payment failed for your account", "We couldn't process payment"),
      other("Slack <feedback@slack.example>", "Your weekly summary", "Here's what happened in your workspace"),
      deal("Mira Beauty <pr@mirabeauty.example>", "Ambassador opportunity + rate request",
          "We'd love to have Cleo as an ambassador, what are your rates"),
      other("Netflix <info@mailer.netflix.example>", "New on Netflix this week", "Watch now"),
      other("HMRC <noreply@tax.service.example>", "Your tax return is due", "File your return"),
      other("Ticketmaster <customer_support@ticketmaster.example>", "Your tickets", "Order confirmation"),
      deal("Tandem Language App <growth@tandemlang.example>", "Paid partnership: app install campaign",
          "Paid partnership proposal, CPI plus flat fee per creator"),
      other("Typeform <notifications@typeform.example>", "New response to Creator Application", "You have a new response"),
      other("WeTransfer <noreply@wetransfer.example>", "Files downloaded", "Your files were downloaded"),
      other("Alex Rivera <alex.rivera@gmail.example>", "Re: birthday plans", "Saturday works for me"),
      new Mail("Lumen Skincare <partners@lumen-skincare.example>", "Re: Paid partnership proposal: Summer glow launch",
          "Following up on our partnership proposal", true, "lumen"),
      other("Spotify <no-reply@spotify.example>", "Your Wrapped is here", "See your year in music"));

  /** A date header as mail clients write it (RFC 2822). */
  static String rfc2822(long epochMillis) {
    return DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
        .format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
  }

  private MailboxSeed() {}
}
