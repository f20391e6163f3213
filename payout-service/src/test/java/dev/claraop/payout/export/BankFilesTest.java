package dev.claraop.payout.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import dev.claraop.payout.profile.BankAccount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bank files: what the bank reads back out of them. */
class BankFilesTest {

  private static final String BATCH = "0d9b2f7e-4f1c-4a53-9a4e-1f2a3b4c5d6e";
  private static final List<PaymentLine> LINES = List.of(
      new PaymentLine("11111111-2222-4333-8444-555555555555", "c-1", new BigDecimal("1200.50"), "USD",
          new BankAccount("Ada Creator", "GB", null, null, "GB82WEST12345698765432", "WESTGB2L")),
      new PaymentLine("66666666-7777-4888-8999-000000000000", "c-2", new BigDecimal("99.50"), "USD",
          new BankAccount("=Bob \"Maker\"", "US", "000111222333444", "011000015", null, null)));

  @Test
  void a_pain001_file_counts_and_sums_its_transfers_and_names_each_account() {
    BankFile file = Pain001File.of(BATCH, "demo", "USD", LINES, OffsetDateTime.parse("2026-11-20T11:30:00Z"));
    String xml = new String(file.content(), StandardCharsets.UTF_8);
    assertThat(file.contentType()).isEqualTo("application/xml");
    assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");

    var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
    assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("2");
    assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("1300.00");
    var instruction = initiation.getPmtInf().getFirst();
    assertThat(instruction.getNbOfTxs()).isEqualTo("2");
    assertThat(instruction.getCtrlSum()).isEqualByComparingTo("1300.00");
    var transfers = instruction.getCdtTrfTxInf();
    assertThat(transfers.get(0).getCdtrAcct().getId().getIBAN()).isEqualTo("GB82WEST12345698765432");
    assertThat(transfers.get(0).getCdtrAgt().getFinInstnId().getBICFI()).isEqualTo("WESTGB2L");
    assertThat(transfers.get(1).getCdtrAcct().getId().getOthr().getId()).isEqualTo("000111222333444");
    assertThat(transfers.get(1).getCdtrAgt().getFinInstnId().getClrSysMmbId().getMmbId()).isEqualTo("011000015");
    assertThat(transfers.get(1).getCdtrAgt().getFinInstnId().getClrSysMmbId().getClrSysId().getCd()).isEqualTo("USABA");
    assertThat(transfers.get(1).getAmt().getInstdAmt().getValue()).isEqualByComparingTo("99.50");
    assertThat(transfers.get(0).getPmtId().getEndToEndId()).hasSizeLessThanOrEqualTo(35);
    assertThat(file.sha256()).matches("[0-9a-f]{64}");
  }

  @Test
  void a_csv_file_has_a_row_per_line_quoted_and_safe_from_formulas() {
    BankFile file = CsvFile.of(BATCH, LINES);
    String[] rows = new String(file.content(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(rows).hasSize(3);
    assertThat(rows[0]).isEqualTo(CsvFile.HEADER);
    assertThat(rows[1]).contains("\"GB82WEST12345698765432\"", "\"1200.50\"");
    assertThat(rows[2]).contains("\"'=Bob \"\"Maker\"\"\"", "\"000111222333444\"", "\"011000015\"");
  }
}
