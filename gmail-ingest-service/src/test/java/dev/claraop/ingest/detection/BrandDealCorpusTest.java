package dev.claraop.ingest.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision and recall of brand-deal detection on a labelled corpus of 240 metadata records written for this project
 * ({@code detection/brand-deal-corpus.jsonl}: from, subject, date, Gmail labels, label, and why). Records at even
 * positions are the development half the cue weights were tuned on; the odd ones were held out and scored once the
 * weights were settled. The test fails when the whole corpus falls below precision 0.9 or recall 0.8.
 */
class BrandDealCorpusTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final BrandDealDetector detector = new BrandDealDetector();

  record Labelled(int position, boolean deal, String from, String subject, List<String> labels, String note) {}

  record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
    double precision() {
      return truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
      return truePositives / (double) (truePositives + falseNegatives);
    }

    @Override
    public String toString() {
      return String.format("precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)", precision(), recall(),
          truePositives, falsePositives, falseNegatives, trueNegatives);
    }
  }

  @Test
  void detection_keeps_precision_above_0_9_and_recall_above_0_8_on_the_labelled_corpus() throws IOException {
    List<Labelled> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    assertThat(corpus.stream().filter(Labelled::deal).count()).as("deals in the corpus").isGreaterThan(80);

    Score development = score(corpus.stream().filter(r -> r.position() % 2 == 0).toList());
    Score heldOut = score(corpus.stream().filter(r -> r.position() % 2 == 1).toList());
    Score whole = score(corpus);
    System.out.println("brand-deal detection, development half: " + development);
    System.out.println("brand-deal detection, held-out half:    " + heldOut);
    System.out.println("brand-deal detection, whole corpus:     " + whole);
    for (Labelled wrong : corpus) {
      DealVerdict verdict = detector.judge(wrong.from(), wrong.subject(), wrong.labels());
      if (verdict.brandDeal() != wrong.deal()) {
        System.out.printf("  %s #%d (%s): score %d, cues %s%n", wrong.deal() ? "missed" : "false positive",
            wrong.position(), wrong.note(), verdict.score(), verdict.cues());
      }
    }

    assertThat(whole.precision()).as("precision on the whole corpus").isGreaterThanOrEqualTo(0.9);
    assertThat(whole.recall()).as("recall on the whole corpus").isGreaterThanOrEqualTo(0.8);
  }

  private Score score(List<Labelled> records) {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (Labelled record : records) {
      boolean detected = detector.judge(record.from(), record.subject(), record.labels()).brandDeal();
      if (detected && record.deal()) tp++;
      else if (detected) fp++;
      else if (record.deal()) fn++;
      else tn++;
    }
    return new Score(tp, fp, fn, tn);
  }

  static List<Labelled> corpus() throws IOException {
    List<Labelled> records = new ArrayList<>();
    try (InputStream in = BrandDealCorpusTest.class.getResourceAsStream("/detection/brand-deal-corpus.jsonl")) {
      assertThat(in).as("the labelled corpus").isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode record = JSON.readTree(line);
        String label = record.get("label").asString();
        assertThat(label).as("label of record %d", records.size()).isIn("deal", "other");
        List<String> labels = new ArrayList<>();
        record.path("labels").forEach(l -> labels.add(l.asString()));
        records.add(new Labelled(records.size(), label.equals("deal"), record.get("from").asString(),
            record.get("subject").asString(), labels, record.get("note").asString()));
      }
    }
    return records;
  }
}
