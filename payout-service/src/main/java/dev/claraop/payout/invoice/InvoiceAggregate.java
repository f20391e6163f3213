package dev.claraop.payout.invoice;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * What is left of erased users' invoices (DESIGN §6.6: tax records kept in aggregated form only): how many a tenant's
 * creators issued in one month and currency, and their total. Never a user id, a name, an invoice id or a proof.
 *
 * @param id {@code tenant|month|currency}
 * @param month {@code YYYY-MM} of submission (UTC), or {@value InvoiceAggregates#UNDATED} for invoices that carry no
 *     date (seeded ones)
 * @param folding random tokens of invoices counted here whose deletion has not been seen through yet; a token links
 *     to nothing once its invoice is gone, and is removed right after
 */
@Document("invoice_aggregates")
public record InvoiceAggregate(
    @Id String id, String tenantId, String month, String currency, int count,
    @Field(targetType = FieldType.DECIMAL128) BigDecimal total, List<String> folding) {

  public static String idOf(String tenantId, String month, String currency) {
    return tenantId + "|" + month + "|" + currency;
  }
}
