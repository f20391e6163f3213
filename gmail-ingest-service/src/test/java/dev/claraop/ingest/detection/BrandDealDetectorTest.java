package dev.claraop.ingest.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.devstack.MailboxSeed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection decides from metadata and says why: the cues that fired, each with its weight. */
class BrandDealDetectorTest {

  private static final List<String> INBOX = List.of("INBOX");
  private final BrandDealDetector detector = new BrandDealDetector();

  @Test
  void a_sponsorship_from_a_partnerships_mailbox_is_a_deal_and_names_the_cues_that_made_it_one() {
    DealVerdict verdict = detector.judge("Creator Team <partnerships@trailforge.co>",
        "Sponsorship opportunity: spring hiking series", INBOX);
    assertThat(verdict.brandDeal()).isTrue();
    assertThat(verdict.cues()).containsExactly(new Cue("subject.sponsorship", 3), new Cue("subject.offer-words", 1),
        new Cue("sender.partnership-mailbox", 2));
    assertThat(verdict.score()).isEqualTo(6);
  }

  @Test
  void a_receipt_for_a_collab_is_not_a_deal_and_says_it_is_a_receipt() {
    DealVerdict verdict = detector.judge("Stripe <receipts@stripe.com>", "Your collab invoice receipt",
        List.of("INBOX", "CATEGORY_UPDATES"));
    assertThat(verdict.brandDeal()).isFalse();
    assertThat(verdict.cueNames()).contains("subject.collaboration", "subject.receipt-or-invoice",
        "sender.transactional-mailbox", "label.updates");
  }

  @Test
  void a_newsletter_about_sponsorship_is_not_a_deal() {
    DealVerdict verdict = detector.judge("Creator Weekly <newsletter@creatorweekly.com>",
        "This week: how to price a sponsorship", List.of("INBOX", "CATEGORY_PROMOTIONS"));
    assertThat(verdict.brandDeal()).isFalse();
    assertThat(verdict.cueNames()).contains("subject.sponsorship", "sender.bulk-mailbox", "subject.newsletter");
  }

  @Test
  void an_automated_sender_and_a_password_reset_weigh_against_a_deal() {
    assertThat(detector.judge("GitHub <noreply@github.com>", "Your password was reset", INBOX).cueNames())
        .containsExactly("sender.automated", "subject.account-security");
  }

  @Test
  void reply_prefixes_do_not_hide_the_subject_and_missing_headers_are_no_deal() {
    assertThat(detector.judge("Grace <grace@sunnysideskin.com>", "RE: Fwd: Paid partnership - March", INBOX).brandDeal())
        .isTrue();
    DealVerdict nothing = detector.judge(null, null, null);
    assertThat(nothing.brandDeal()).isFalse();
    assertThat(nothing.cues()).isEmpty();
  }

  @Test
  void every_cue_has_a_stable_unique_name() {
    List<String> names = BrandDealDetector.cues().stream().map(Cue::name).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("(subject|sender|label)\\.[a-z-]+"));
  }

  @Test
  void the_stand_in_demo_mailbox_has_its_deals_found_and_nothing_else() {
    for (MailboxSeed.Mail mail : MailboxSeed.DEMO) {
      assertThat(detector.judge(mail.from(), mail.subject(), List.of("INBOX", "UNREAD")).brandDeal())
          .as("%s", mail.subject()).isEqualTo(mail.deal());
    }
  }

  @Test
  void the_sender_is_reduced_to_its_organisation_and_never_printed_with_its_mailbox_name() {
    SenderAddress sender = SenderAddress.parse("\"Lee, Hannah\" <hannah.lee@mail.glow-theory.co.uk>").orElseThrow();
    assertThat(sender.domain()).isEqualTo("mail.glow-theory.co.uk");
    assertThat(sender.organisationDomain()).isEqualTo("glow-theory.co.uk");
    assertThat(sender.organisation()).isEqualTo("glow-theory");
    assertThat(sender.toString()).doesNotContain("hannah");
    assertThat(SenderAddress.parse("undisclosed-recipients")).isEmpty();
    assertThat(SenderAddress.parse("ivy@gmail.com").orElseThrow().freeMail()).isTrue();
  }

  @Test
  void a_suggested_campaign_name_comes_from_the_brand_domain_the_kind_of_offer_and_the_month_never_the_subject() {
    DealVerdict verdict = detector.judge("Maya <maya@lumen-skincare.com>", "Sponsorship for @cleo.creates", INBOX);
    SenderAddress sender = SenderAddress.parse("Maya <maya@lumen-skincare.com>").orElseThrow();
    assertThat(CampaignNames.suggest(sender, verdict, Instant.parse("2026-10-01T08:00:00Z")))
        .isEqualTo("Lumen Skincare sponsorship, Oct 2026");
    SenderAddress freeMail = SenderAddress.parse("ivy.studio@gmail.com").orElseThrow();
    assertThat(CampaignNames.suggest(freeMail, detector.judge("ivy.studio@gmail.com", "Paid collab?", INBOX),
        Instant.parse("2026-03-05T08:00:00Z"))).isEqualTo("Unnamed brand collaboration, Mar 2026");
  }
}
