package dev.claraop.payout.export;

import dev.claraop.payout.batch.ExportFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CSV alternative to pain.001 (RFC 4180): a header, then one row per line. Every field is quoted, and one
 * that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP CSV injection).
 */
final class CsvFile {

  static final String HEADER =
      "lineId,creatorId,accountHolder,country,iban,bic,accountNumber,routingCode,amount,currency";

  static BankFile of(String batchId, List<PaymentLine> lines) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (PaymentLine line : lines) {
      var account = line.account();
      csv.append(Stream.of(line.lineId(), line.creatorId(), account.accountHolder(), account.country(), account.iban(),
              account.bic(), account.accountNumber(), account.routingCode(), line.amount().toPlainString(),
              line.currency())
          .map(CsvFile::field).collect(Collectors.joining(","))).append("\r\n");
    }
    return BankFile.of(ExportFormat.CSV, "batch-" + batchId + ".csv", csv.toString());
  }

  private static String field(String value) {
    if (value == null) return "";
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  private CsvFile() {}
}
