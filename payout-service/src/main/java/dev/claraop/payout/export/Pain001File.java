package dev.claraop.payout.export;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import dev.claraop.payout.batch.ExportFormat;
import dev.claraop.payout.profile.BankAccount;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An ISO 20022 {@code pain.001.001.09} customer credit transfer initiation, built with Prowide's typed model
 * (pw-iso20022) rather than hand-written XML: one payment instruction, one credit transfer per batch line, and
 * {@code NbOfTxs}/{@code CtrlSum} equal to the batch's line count and total in the group header and the
 * instruction alike. Identifiers are the batch and line ids without dashes (ISO's Max35Text).
 */
final class Pain001File {

  static BankFile of(String batchId, String tenantId, String currency, List<PaymentLine> lines, OffsetDateTime at) {
    BigDecimal total = lines.stream().map(PaymentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    String messageId = compact(batchId);
    OffsetDateTime created = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    PaymentInstruction30 instruction = new PaymentInstruction30()
        .setPmtInfId(messageId)
        .setPmtMtd(PaymentMethod3Code.TRF)
        .setNbOfTxs(String.valueOf(lines.size()))
        .setCtrlSum(total)
        .setReqdExctnDt(new DateAndDateTime2Choice().setDt(created.toLocalDate()))
        // The agency's own account is not held by ClaraOP: the debtor is the tenant, and the bank's upload channel
        // binds the account it debits.
        .setDbtr(new PartyIdentification135().setNm(tenantId))
        .setDbtrAcct(new CashAccount38().setCcy(currency).setId(new AccountIdentification4Choice().setOthr(
            new GenericAccountIdentification1().setId(tenantId)
                .setSchmeNm(new AccountSchemeName1Choice().setPrtry("CLARAOP-TENANT")))))
        .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6().setFinInstnId(
            new FinancialInstitutionIdentification18().setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"))));
    for (PaymentLine line : lines) instruction.addCdtTrfTxInf(transfer(batchId, line));

    CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
        .setGrpHdr(new GroupHeader85()
            .setMsgId(messageId)
            .setCreDtTm(created)
            .setNbOfTxs(String.valueOf(lines.size()))
            .setCtrlSum(total)
            .setInitgPty(new PartyIdentification135().setNm(tenantId)))
        .addPmtInf(instruction);
    MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(initiation);
    return BankFile.of(ExportFormat.PAIN_001, "batch-" + batchId + ".xml", message.message());
  }

  private static CreditTransferTransaction34 transfer(String batchId, PaymentLine line) {
    BankAccount account = line.account();
    CreditTransferTransaction34 transfer = new CreditTransferTransaction34()
        .setPmtId(new PaymentIdentification6().setEndToEndId(compact(line.lineId())))
        .setAmt(new AmountType4Choice().setInstdAmt(
            new ActiveOrHistoricCurrencyAndAmount().setCcy(line.currency()).setValue(line.amount())))
        .setCdtr(new PartyIdentification135().setNm(account.accountHolder())
            .setPstlAdr(new PostalAddress24().setCtry(account.country())))
        .setCdtrAcct(new CashAccount38().setId(account.iban() != null
            ? new AccountIdentification4Choice().setIBAN(account.iban())
            : new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(account.accountNumber()))))
        .setRmtInf(new RemittanceInformation16().addUstrd("ClaraOP payout " + batchId));
    FinancialInstitutionIdentification18 agent = null;
    if (account.bic() != null) {
      agent = new FinancialInstitutionIdentification18().setBICFI(account.bic());
    } else if (account.routingCode() != null) {
      // ISO 20022 external clearing system code: USABA for an ABA routing number; other codes are kept as given.
      ClearingSystemIdentification2Choice system = "US".equals(account.country())
          ? new ClearingSystemIdentification2Choice().setCd("USABA")
          : new ClearingSystemIdentification2Choice().setPrtry(account.country());
      agent = new FinancialInstitutionIdentification18().setClrSysMmbId(
          new ClearingSystemMemberIdentification2().setClrSysId(system).setMmbId(account.routingCode()));
    }
    if (agent != null) transfer.setCdtrAgt(new BranchAndFinancialInstitutionIdentification6().setFinInstnId(agent));
    return transfer;
  }

  private static String compact(String id) {
    String compact = id.replace("-", "");
    return compact.length() > 35 ? compact.substring(0, 35) : compact;
  }

  private Pain001File() {}
}
