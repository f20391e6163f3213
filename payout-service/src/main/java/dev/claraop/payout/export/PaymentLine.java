package dev.claraop.payout.export;

import dev.claraop.payout.profile.BankAccount;
import java.math.BigDecimal;

/** One credit transfer of a bank file: a batch line with its account opened. Lives only while the file is made. */
record PaymentLine(String lineId, String creatorId, BigDecimal amount, String currency, BankAccount account) {

  @Override
  public String toString() {
    return "PaymentLine[" + lineId + ", account hidden]";
  }
}
