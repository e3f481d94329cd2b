package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly report pack ({@code /reports/quarterly}, {@code .pdf}, {@code .docx}) and the
 * commitments report page, on the sample snapshot: the summary's sentences carry the numbers
 * worked out here from the API's own answers (the risk summary, the trajectory gap and the
 * commitments), the PDF is A4 portrait and its text, as poppler's {@code pdftotext} extracts it,
 * says the same.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class QuarterlyPackTest extends ServiceTestSupport {

    static final String PERIOD = "2008/09 Q2";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("micronaut.http.client.read-timeout", "120s"); // a PDF is laid out, and its chart drawn, per request
        return p;
    }

    /** The summary's sentences, worked out from the risk summary's Totals and the gap answer's officer trends. */
    List<String> expectedSentences(String period) {
        Map<String, JsonNode> totals = new HashMap<>();
        json(url("/api/v1/comparison/risk-summary", "period", period)).get("data").forEach(r -> {
            if (r.get("theme").asText().equals("Totals")) {
                totals.put(r.get("rating").asText(), r);
            }
        });
        long green = count(totals, "GREEN");
        long amber = count(totals, "AMBER");
        long red = count(totals, "RED");
        long achieved = count(totals, "ACHIEVED");
        long noData = count(totals, "NOT_AVAILABLE");
        long noTarget = count(totals, "NO_TARGET");
        long inOperation = green + amber + red + achieved + noData;
        long withData = inOperation - noData;
        long redImproving = 0;
        long redNoChange = 0;
        long worsening = 0;
        for (JsonNode g : json(url("/api/v1/trajectory-gap", "period", period)).get("data")) {
            String rating = g.get("reportedRating").asText();
            String trend = g.path("officerTrend").asText("");
            boolean counted = !rating.equals("ENDED") && !rating.equals("NO_TARGET");
            redImproving += rating.equals("RED") && trend.equals("IMPROVING") ? 1 : 0;
            redNoChange += rating.equals("RED") && trend.equals("NO_CHANGE") ? 1 : 0;
            worsening += counted && trend.equals("WORSENING") ? 1 : 0;
        }
        // the default share rule (with-data): ratings of those with data, no data of all in operation
        List<String> s = new ArrayList<>();
        s.add("There are currently " + inOperation + " indicators in operation with " + green + " (" + pct(green, withData)
                + ") having a green risk rating, " + amber + " (" + pct(amber, withData) + ") having an amber rating and "
                + red + " (" + pct(red, withData) + ") having a red rating" + (achieved > 0 ? ", and " + achieved + " ("
                + pct(achieved, withData) + ") having achieved their target." : "."));
        if (noData > 0) {
            s.add("There are " + noData + " (" + pct(noData, inOperation) + ") indicators with no data reported against them.");
        }
        if (noTarget > 0) {
            s.add("There are a further " + noTarget + " indicators where baselines and targets have yet to be set. "
                    + "They have been discounted in the figures above.");
        }
        s.add("Of all the indicators, " + pct(worsening, inOperation) + " are recorded as having a downward trend in performance.");
        s.add("Of the " + red + " red risk indicators " + pct(redImproving, red) + " have an improving trend and "
                + pct(redNoChange, red) + " have no change.");
        return s;
    }

    private static long count(Map<String, JsonNode> totals, String rating) {
        JsonNode r = totals.get(rating);
        return r == null ? 0 : r.get("count").asLong();
    }

    private static String pct(long n, long of) {
        return Math.round(100.0 * n / of) + "%";
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void theHtmlPacksSummaryStatesTheNumbersTheAnswersGive() {
        HttpResponse<String> r = get(url("/reports/quarterly", "period", PERIOD));
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        String html = unescape(body(r));
        List<String> expected = expectedSentences(PERIOD);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        for (String sentence : expected) {
            assertThat(html).as("the summary says: " + sentence).contains(sentence);
        }
        assertThat(html).contains("signed off by LAA theme leads; Strategic Officers' Board on 21 October 2008");
        for (JsonNode g : json(url("/api/v1/trajectory-gap", "period", PERIOD)).get("data")) {
            String ref = g.get("indicator").asText();
            assertThat(html).as("the appendix lists " + ref).contains("data-ref=\"" + ref + "\"");
        }
        assertThat(html).contains("id=\"red-risks\"").contains("Red commitments")
                .contains("Commitments which are now Amber that were Green last quarter")
                .contains("Commitments which are now Green that were Amber last quarter").contains("Achieved commitments");
    }

    @Test
    void thePdfIsA4PortraitAndItsTextStatesTheAnswersNumbers() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = getBytes(url("/reports/quarterly.pdf", "period", PERIOD), null);
        System.out.println("PDF took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/pdf");
        byte[] pdf = r.body();
        Files.write(Path.of("target/quarterly-2008-09-Q2.pdf"), pdf); // to look at
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            assertThat(pages).as("summary, table and chart, red risks, commitments, appendix").isGreaterThanOrEqualTo(3);
            for (PDPage page : doc.getPages()) {
                // A4 portrait: 210 x 297 mm, 595.3 x 841.9 points
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            }
        }
        String text = pdfToText(pdf).replaceAll("\\s+", " ");
        for (String sentence : expectedSentences(PERIOD)) {
            assertThat(text).as("the PDF says: " + sentence).contains(sentence);
        }
        assertThat(text).contains("Page 1 of " + pages);
        for (JsonNode g : json(url("/api/v1/trajectory-gap", "period", PERIOD)).get("data")) {
            assertThat(text).as("the appendix lists " + g.get("indicator").asText()).contains(g.get("indicator").asText());
        }
    }

    @Test
    void theDocxOpensInPoiWithTheSameSummaryAndEveryIndicator() throws Exception {
        HttpResponse<byte[]> r = getBytes(url("/reports/quarterly.docx", "period", PERIOD), null);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            String text = words.getText();
            for (String sentence : expectedSentences(PERIOD)) {
                assertThat(text).as("the .docx says: " + sentence).contains(sentence);
            }
            assertThat(doc.getAllPictures()).as("the risk summary chart").hasSize(1);
            for (JsonNode g : json(url("/api/v1/trajectory-gap", "period", PERIOD)).get("data")) {
                assertThat(text).contains(g.get("indicator").asText());
            }
        }
    }

    @Test
    void theCommitmentsReportListsEveryCommitmentAndMarksEveryStatedStatusThatDiffers() {
        JsonNode commitments = json(url("/api/v1/commitments", "period", PERIOD)).get("data");
        String html = body(get(url("/reports/commitments", "period", PERIOD)));
        long differ = 0;
        long red = 0;
        for (JsonNode c : commitments) {
            assertThat(html).contains("data-ref=\"" + c.get("ref").asText() + "\"");
            differ += c.get("previousRatingsDisagree").asBoolean() ? 1 : 0;
            red += c.get("rating").asText().equals("RED") ? 1 : 0;
        }
        assertThat(commitments.size()).isPositive();
        assertThat(html.split("data-differ=\"true\"", -1).length - 1).isEqualTo(differ);
        assertThat(html).contains("data-section=\"red\" data-count=\"" + red + "\"");
        assertThat(html).contains(differ == 0 ? "For every commitment" : differ + " commitment");
    }

    @Test
    void aQuarterWithNoReturnHasNoReportAndSaysSo() {
        HttpResponse<String> r = get(url("/reports/quarterly", "period", "2012/13 Q1"), ANALYST, "text/html");
        assertThat(r.getStatus().getCode()).isEqualTo(404);
        assertThat(unescape(body(r))).contains("There is no return for 2012/13 Q1");
    }

    /** poppler's pdftotext, installed by the project's script when missing. */
    static String pdfToText(byte[] pdf) throws IOException, InterruptedException {
        Process install = new ProcessBuilder(SampleSnapshot.root().resolve("scripts/ensure-debian-packages").toString(),
                "poppler-utils", "fonts-dejavu-core").redirectErrorStream(true).start();
        String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor()).as(out).isZero();
        Path file = Files.createTempFile("pack", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            // the font's ligatures (ﬁ, ﬀ) come out as single characters: the same text, compatibly
            return Normalizer.normalize(text, Normalizer.Form.NFKC);
        } finally {
            Files.delete(file);
        }
    }
}
