package dev.claraop.payout.invoice;

import dev.claraop.payout.batch.BatchEvents.BatchCancelled;
import dev.claraop.payout.batch.BatchEvents.BatchClosed;
import dev.claraop.payout.batch.BatchStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Settles a batch's invoices when the batch ends, driven from the event store by a tracking processor:
 * a crash between the batch's event and the invoices' update is caught up on restart instead of leaving
 * invoices held by a batch that is gone. Both updates are idempotent, so redelivery is harmless.
 */
@Component
@ProcessingGroup(InvoiceSettlement.GROUP)
class InvoiceSettlement {

  static final String GROUP = "invoice-settlement";
  private final InvoiceReservations reservations;

  InvoiceSettlement(InvoiceReservations reservations) {
    this.reservations = reservations;
  }

  @EventHandler
  void on(BatchCancelled event) {
    reservations.release(event.batchId());
  }

  @EventHandler
  void on(BatchClosed event) {
    if (event.status() == BatchStatus.FULLY_PAID) reservations.markPaid(event.batchId());
  }
}
