package dev.claraop.platform.crypto.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.InMemoryDataKeyStore;
import dev.claraop.platform.crypto.shredding.Subject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One P0 field (a 22-character IBAN) sealed and opened through our data-key path, beside plain JCA AES-256-GCM
 * as the reference, in one run. Our decrypt does two Fernet opens (unwrap the subject's data key, then the
 * field) and a store lookup; encrypt does one unwrap and one seal. The bare Fernet rows separate the two.
 * Run: see README.md ("Benchmarks"). Not a test: no assertion on speed anywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FieldEncryptionBenchmark {

  private static final String IBAN = "DE89370400440532013000";
  private static final Subject SUBJECT = Subject.of("payout-profile", "bench");

  private final SecureRandom random = new SecureRandom();
  private DataKeys dataKeys;
  private Ciphertext sealedField;
  private FernetKey fernetKey;
  private String fernetToken;
  private SecretKey aesKey;
  private byte[] gcmSealed;

  @Setup
  public void setUp() throws GeneralSecurityException {
    dataKeys = new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS), new InMemoryDataKeyStore());
    dataKeys.createKey(SUBJECT);
    sealedField = dataKeys.encrypt(SUBJECT, IBAN);
    fernetKey = FernetKey.generate(random);
    fernetToken = fernetKey.encrypt(IBAN.getBytes(UTF_8), Instant.now(), random);
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    aesKey = generator.generateKey();
    gcmSealed = jcaAesGcmEncrypt();
  }

  @Benchmark
  public Ciphertext dataKeyEncrypt() {
    return dataKeys.encrypt(SUBJECT, IBAN);
  }

  @Benchmark
  public FieldValue dataKeyDecrypt() {
    return dataKeys.decrypt(SUBJECT, sealedField);
  }

  @Benchmark
  public String fernetEncrypt() {
    return fernetKey.encrypt(IBAN.getBytes(UTF_8), Instant.now(), random);
  }

  @Benchmark
  public byte[] fernetDecrypt() {
    return fernetKey.decrypt(fernetToken);
  }

  /** IV ‖ ciphertext ‖ tag, a fresh 12-byte IV each time, as a careful hand-written JCA caller would do. */
  @Benchmark
  public byte[] jcaAesGcmEncrypt() throws GeneralSecurityException {
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(IBAN.getBytes(UTF_8));
    return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
  }

  @Benchmark
  public String jcaAesGcmDecrypt() throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, gcmSealed, 0, 12));
    return new String(cipher.doFinal(gcmSealed, 12, gcmSealed.length - 12), UTF_8);
  }
}
