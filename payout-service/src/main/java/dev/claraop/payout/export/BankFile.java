package dev.claraop.payout.export;

import dev.claraop.payout.batch.ExportFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A bank file as made by an export: its bytes hold P0 in plaintext, so it goes to the caller and nowhere else. */
public record BankFile(ExportFormat format, String fileName, byte[] content) {

  public String contentType() {
    return format == ExportFormat.PAIN_001 ? "application/xml" : "text/csv;charset=UTF-8";
  }

  /** The hash the export records and publishes, so that a file found later can be matched to its export. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static BankFile of(ExportFormat format, String fileName, String text) {
    return new BankFile(format, fileName, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BankFile[" + fileName + ", content hidden]";
  }
}
