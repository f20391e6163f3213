package dev.claraop.ingest.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides from metadata only (the From address, the Subject, Gmail's labels) whether a message offers a brand deal:
 * a brand or its agency asking a creator for paid or gifted work. Never a body: sync does not read one.
 *
 * <p>Each cue is a named, weighted rule; a message is a deal when the weights of the cues that fire add up to
 * {@link #THRESHOLD} or more. Positive cues are the words of an offer (sponsorship, paid collab, brief, rate card,
 * gifting, ambassador) and mailboxes brands pitch from ({@code partnerships@}); negative cues are what mail about
 * deals that is not an offer looks like: newsletters, receipts and invoices, order and shipping mail, automated and
 * no-reply senders, account security, social notifications, promotions. The weights were set on the development
 * half of the labelled corpus ({@code src/test/resources/detection/brand-deal-corpus.jsonl}) and checked on the other.
 */
public final class BrandDealDetector {

  public static final int THRESHOLD = 3;

  private record Rule(Cue cue, Predicate<Facts> fires) {}

  /** What the rules look at, normalised once. */
  private record Facts(String subject, Optional<SenderAddress> sender, List<String> labels) {
    boolean subject(Pattern pattern) {
      return pattern.matcher(subject).find();
    }

    boolean localPart(Pattern pattern) {
      return sender.map(s -> pattern.matcher(s.localPart()).find()).orElse(false);
    }
  }

  private static final List<Rule> RULES = List.of(
      // The words of an offer.
      subject("subject.brand-deal", 4, "\\bbrand (deal|partnership|collab|collaboration)s?\\b"),
      subject("subject.paid-work", 4, "\\bpaid (partnership|collab|collaboration|campaign|post|posts|promotion"
          + "|feature|content|integration|sponsorship)\\b"),
      // "paid" alone (Paid trip, paid creators, "…, paid"), also as agencies abroad write it; a receipt's "was paid"
      // is outweighed by subject.receipt-or-invoice.
      subject("subject.paid", 3, "\\bpaid\\b|\\bpagad[oa]\\b|\\bpaga\\b|\\br[ée]mun[ée]r[ée]e?\\b|\\bbezahlte?\\b"
          + "|\\bretribuit[oa]\\b|\\bbetalt\\b"),
      subject("subject.sponsorship", 3, "\\bsponsor(s|ship|ships|ed|ing)?\\b"),
      subject("subject.ambassador", 3, "\\bambassador(s|ship)?\\b"),
      subject("subject.collaboration", 2, "\\bcollab(s|oration|orations|orate)?\\b|\\bpartner(ship|ships|ing)?\\b"
          + "|\\bteam(ing)? up\\b|\\bwork(ing)? (together|with you)\\b|\\bproduct placement\\b|\\bintegrations?\\b"
          + "|\\bpartenariat\\b|\\bparceria\\b|\\bcolaboraci[óo]n\\b|\\bkooperation(sanfrage)?\\b|\\bcollaborazione\\b"),
      subject("subject.campaign-brief", 2, "\\bcampaign\\b|\\bcampa[ñn]a\\b|\\bbrief\\b|\\blaunch\\b"),
      subject("subject.terms", 2, "\\brate card\\b|\\brates\\b|\\bfee\\b|\\bbudget\\b|\\bcompensation\\b"
          + "|\\busage rights\\b|\\bretainer\\b|\\bcommission\\b"),
      subject("subject.gifting", 3, "\\bgift(ing|ed)\\b|\\bpr (package|box|list)\\b|\\bseeding\\b|\\bsend you (some|our)\\b"),
      subject("subject.creator-work", 1, "\\b(influencer|creators?|ugc|reels?|tiktoks?|videos?|vlog|channel|content|stories"
          + "|posts?|unboxing|haul|try-on|giveaway)\\b"),
      subject("subject.offer-words", 1, "\\b(opportunity|proposal|offer|inquiry|enquiry)\\b"),
      subject("subject.brand-x-creator", 1, "\\S x \\S"),
      new Rule(new Cue("sender.partnership-mailbox", 2), f -> f.localPart(Pattern.compile(
          "^(partners|partnerships?|collabs?|collaborations?|influencers?|creators|sponsorships?|pr|ugc|ambassadors?"
              + "|talent|brand)$|partnership|collab|influencer"))),
      // What mail that mentions deals without offering one looks like.
      new Rule(new Cue("sender.automated", -4), f -> f.localPart(Pattern.compile(
          "no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|alerts?\\b|mailer|auto[-_.]?confirm|automated"
              + "|bounces?|postmaster"))),
      new Rule(new Cue("sender.bulk-mailbox", -3), f -> f.localPart(Pattern.compile(
          "^(newsletters?|news|digest|updates|weekly|editors?|bulletin|announcements?|offers|deals|promo|promotions)$"))),
      new Rule(new Cue("sender.transactional-mailbox", -3), f -> f.localPart(Pattern.compile(
          "^(billing|receipts?|invoices?|invoicing|orders?|payments?|accounts?|service|support|customer[-_.]?\\w+|help"
              + "|security|shipping)$"))),
      new Rule(new Cue("sender.bulk-subdomain", -2), f -> f.sender().map(s -> s.subdomains().stream().anyMatch(
          l -> l.matches("e|em|email|mail|mailer|news|newsletter|marketing|engage|info|send|bounce|mkt"))).orElse(false)),
      subject("subject.receipt-or-invoice", -5, "\\breceipt\\b|\\binvoice\\b|\\border (#|no\\.?|number|confirm)"
          + "|\\byour order\\b|\\bshipped\\b|\\bdelivered\\b|\\brefund\\b|\\bpayment (received|failed|confirmation|due)\\b"
          + "|\\bstatement\\b|\\bsubscription (renew|confirm)|\\bbooking confirmation\\b|\\bconfirmation\\b"
          + "|\\byou('ve)? (got|received) (money|a payment)"),
      subject("subject.newsletter", -3, "\\bnewsletter\\b|\\bdigest\\b|\\bweekly\\b|\\bthis week\\b|\\bissue #?\\d+"
          + "|\\bedition\\b|\\bround-?up\\b|\\btrends\\b|\\bwebinar\\b|\\bpodcast\\b|\\bepisode\\b|\\btop stories\\b"
          + "|\\bstories for you\\b|\\bwhat's new\\b|\\bintroducing\\b|\\bannouncing\\b"),
      subject("subject.account-security", -5, "\\bpassword\\b|\\bsign[- ]?in\\b|\\blog[- ]?in\\b|\\bverify\\b"
          + "|\\bverification\\b|\\bsecurity (alert|code)\\b|\\b2fa\\b|\\btwo-factor\\b|\\bone-time\\b"
          + "|\\bconfirm your email\\b|\\breset\\b"),
      subject("subject.social-notification", -4, "\\bcommented\\b|\\bmentioned you\\b|\\btagged you\\b"
          + "|\\bliked your\\b|\\bnew followers?\\b|\\bfollowed you\\b|\\bstarted following\\b"
          + "|\\bsent you a (message|dm)\\b|\\bconnection request\\b|\\bappeared in \\d+ searches\\b"
          + "|\\bviewed your profile\\b|\\binvited you to (join|connect)\\b|\\breacted to\\b|\\breplied to your\\b"
          + "|\\bnew message from\\b"),
      subject("subject.promotion", -3, "\\d+% off\\b|\\bsale\\b|\\bdiscount\\b|\\bpromo code\\b|\\bcoupon\\b"
          + "|\\bfree shipping\\b|\\bblack friday\\b|\\bcyber monday\\b|\\blimited time\\b|\\blast chance\\b"
          + "|\\bends (tonight|today|soon)\\b|\\bdon't miss\\b|\\bnew arrivals\\b|\\bshop now\\b|\\bnew on\\b"),
      subject("subject.tooling-notice", -3, "^invitation:|^accepted:|^declined:|\\bupdated invitation\\b"
          + "|\\breminder\\b|\\bfiles? (downloaded|shared)\\b|\\brecording\\b|\\bshared .* with you\\b"),
      new Rule(new Cue("label.social", -3), f -> f.labels().contains("CATEGORY_SOCIAL")),
      new Rule(new Cue("label.updates", -2), f -> f.labels().contains("CATEGORY_UPDATES")),
      new Rule(new Cue("label.forums", -2), f -> f.labels().contains("CATEGORY_FORUMS")),
      new Rule(new Cue("label.promotions", -1), f -> f.labels().contains("CATEGORY_PROMOTIONS")),
      new Rule(new Cue("label.spam", -10), f -> f.labels().contains("SPAM")));

  private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fwd?|aw|wg|tr)\\s*:\\s*)+");

  /** The verdict on one message; {@code from}, {@code subject} and {@code labelIds} may each be missing. */
  public DealVerdict judge(String from, String subject, List<String> labelIds) {
    String normalised = subject == null ? "" : subject.toLowerCase(Locale.ROOT).strip();
    Facts facts = new Facts(REPLY_PREFIX.matcher(normalised).replaceFirst(""), SenderAddress.parse(from),
        labelIds == null ? List.of() : labelIds);
    List<Cue> fired = new ArrayList<>();
    int score = 0;
    for (Rule rule : RULES) {
      if (rule.fires().test(facts)) {
        fired.add(rule.cue());
        score += rule.cue().weight();
      }
    }
    return new DealVerdict(score >= THRESHOLD, score, fired);
  }

  /** Every cue detection knows, for documentation and for the contract test of the event schemas. */
  public static List<Cue> cues() {
    return RULES.stream().map(Rule::cue).toList();
  }

  private static Rule subject(String name, int weight, String regex) {
    Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    return new Rule(new Cue(name, weight), f -> f.subject(pattern));
  }
}
