package dev.claraop.access.sensitive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The test corpora in src/test/resources/corpus: messages to refuse (with their kind) and messages to accept. */
public final class Corpus {

  /** A message that must be refused, and the kind of data that must be named. */
  public record Sample(SensitiveKind kind, String text) {
    @Override
    public String toString() {
      return kind.name(); // test names show the kind, never the planted value
    }
  }

  public static List<Sample> sensitive() {
    return lines("/corpus/sensitive.txt").stream().map(line -> {
      int bar = line.indexOf(" | ");
      return new Sample(SensitiveKind.valueOf(line.substring(0, bar).strip()), line.substring(bar + 3));
    }).toList();
  }

  public static List<String> benign() {
    return lines("/corpus/benign.txt");
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.replace("{{}}", "")) // see the corpus header
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Corpus() {}
}
