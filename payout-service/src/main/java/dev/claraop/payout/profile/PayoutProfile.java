package dev.claraop.payout.profile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.claraop.payout.profile.ProfileCommands.SetPayoutProfile;
import dev.claraop.payout.profile.ProfileEvents.PayoutProfileSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A creator's payout profile, event-sourced like the batches so that its changes reach {@code payout.events}
 * from the event store. It holds the bank details only sealed; it decides which fields an edit changed and who
 * edited last.
 */
@Aggregate
public class PayoutProfile {

  /** Field order of the API, used to list changed fields the same way every time. */
  static final List<String> FIELDS =
      List.of("accountHolder", "country", "currency", "accountNumber", "routingCode", "iban", "bic", "taxId");

  @AggregateIdentifier
  private String profileId;
  private String tenantId;
  private String accountHolder;
  private String country;
  private String currency;
  private List<String> p0Fields = List.of();
  private String editedBy;

  protected PayoutProfile() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(SetPayoutProfile command) {
    if (tenantId != null && !tenantId.equals(command.tenantId())) {
      throw new IllegalArgumentException("a profile id names its tenant; this one is another tenant's");
    }
    apply(new PayoutProfileSet(command.profileId(), command.tenantId(), command.creatorId(), command.editedBy(),
        command.editedAt(),
        command.accountHolder(), command.country(), command.currency(), command.sealedDetails(), command.masks(),
        command.p0Fields(), changed(command)));
  }

  private List<String> changed(SetPayoutProfile command) {
    List<String> changed = new ArrayList<>();
    for (String field : FIELDS) {
      boolean differs = switch (field) {
        case "accountHolder" -> !Objects.equals(accountHolder, command.accountHolder());
        case "country" -> !Objects.equals(country, command.country());
        case "currency" -> !Objects.equals(currency, command.currency());
        // Write-only: a P0 field supplied is (re)written; one that was set and is now absent was removed.
        default -> command.p0Fields().contains(field) || p0Fields.contains(field);
      };
      if (differs) changed.add(field);
    }
    return changed;
  }

  @EventSourcingHandler
  void on(PayoutProfileSet event) {
    profileId = event.profileId();
    tenantId = event.tenantId();
    accountHolder = event.accountHolder();
    country = event.country();
    currency = event.currency();
    p0Fields = event.p0Fields();
    editedBy = event.editedBy();
  }

  String editedBy() {
    return editedBy;
  }
}
