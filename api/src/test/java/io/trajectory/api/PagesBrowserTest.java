package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrutiny pages in a real headless Chromium, served by the real service on the sample
 * agreement's snapshot (anonymous read on, as for a public scrutiny site). Each page's charts
 * must draw (an SVG with marks), with no console error, pass axe-core's WCAG 2.1 AA checks, and
 * lay out within A4 when printed; the figures must be the API's. Screenshots and A4 PDFs of every
 * page go to {@code target/pages/} for people to look at.
 */
@MicronautTest(transactional = false)
class PagesBrowserTest extends ServiceTestSupport {

    static final Path OUT = Path.of("target/pages");
    /** A copy of the sample's data folder (snapshot and lake): the refresh history this test makes stays here. */
    static final Path DATA = RefreshWatcherTest.copy(SampleSnapshot.dataDir(), Path.of("target/pages-data"));
    static final Set<String> LABELS = Set.of("Green", "Amber", "Red", "Achieved", "Not available", "Ended", "No target",
            "No rating");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    Browser browser;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("trajectory.data-dir", DATA.toString());
        p.put("trajectory.security.anonymous-read", "true");
        // the refresh page's button runs the real ETL over the sample's landing zone (a no-op: it is loaded)
        p.put("trajectory.refresh.landing-dir", SampleSnapshot.root().resolve("etl/sample/landing").toString());
        p.put("trajectory.refresh.etl-jar", SampleSnapshot.etlJar().toString());
        p.put("trajectory.refresh.watch", "false");
        return p;
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String page(String path) {
        return server.getURL() + path.replace(" ", "%20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "risk-summary | /",
            "risk-summary-2007-08-Q1-as-reported | /?period=2007/08 Q1&basis=as-reported",
            "themes | /theme",
            "theme-safer | /theme?theme=Safer",
            "indicators-search | /indicator?q=drug",
            "indicator-LAA-1.2.2 | /indicator?ref=LAA 1.2.2",
            "what-moved | /moved",
            "what-moved-since-last-year | /moved?from=2007/08 Q2&to=2008/09 Q2",
            "benchmark-LAA-5.10-Harnby | /benchmark?indicator=LAA 5.10&period=2008/09 Q2&area=Harnby",
            "benchmark-LAA-5.10-urban | /benchmark?indicator=LAA 5.10&area=Harnby&group=Urban districts",
            "indicator-areas-LAA-5.10 | /indicator/areas?ref=LAA 5.10&period=2008/09 Q2",
            "theme-safer-Harnby | /theme?theme=Safer&area=Harnby",
            "theme-older-people-Harnby | /theme?theme=Older People&area=Harnby",
            "reports | /reports",
            "quarterly-report-2008-09-Q2 | /reports/quarterly?period=2008/09 Q2",
            "commitments-report-2008-09-Q2 | /reports/commitments?period=2008/09 Q2"})
    void everyPageDrawsItsChartsAccessiblyAndPrintsOnA4(String name, String path) {
        browser.consoleErrors(); // drop what earlier pages logged
        browser.open(page(path));

        List<WebElement> charts = browser.all("div.vega");
        for (WebElement chart : charts) {
            String id = chart.getAttribute("id");
            assertThat(chart.getAttribute("data-rendered")).as("chart " + id + " on " + path).isEqualTo("true");
            long marks = (Long) browser.js("return arguments[0].querySelectorAll('svg .role-mark > *').length", chart);
            assertThat(marks).as("marks drawn in chart " + id + " on " + path).isGreaterThan(0);
            // every chart offers its data, and the link answers with CSV
            WebElement link = browser.one("#" + id + " ~ figcaption a.download");
            assertThat(link.getText()).isEqualTo("Download data (CSV)");
            HttpResponse<String> csv = get(link.getAttribute("href").substring(server.getURL().toString().length()), null, null);
            assertThat(csv.getStatus().getCode()).as(link.getAttribute("href")).isEqualTo(200);
            assertThat(csv.getContentType().orElseThrow().toString()).startsWith("text/csv");
            assertThat(body(csv).lines().count()).as("rows in " + link.getAttribute("href")).isGreaterThan(1);
        }
        // lists and the commitments report are tables only
        if (!path.startsWith("/theme?") && !path.startsWith("/indicator?q") && !path.equals("/theme")
                && !path.equals("/reports") && !path.startsWith("/reports/commitments")) {
            assertThat(charts).as("charts on " + path).isNotEmpty();
        }
        assertThat(browser.consoleErrors()).as("console errors on " + path).isEmpty();

        // a rating is never shown by colour alone: every badge has its label and a symbol
        for (WebElement badge : browser.all(".rating")) {
            String text = badge.getText().strip();
            assertThat(LABELS).as("badge text '" + text + "' on " + path).anyMatch(text::endsWith);
        }
        assertThat(browser.accessibilityViolations()).as("WCAG 2.1 AA (axe-core) on " + path).isEmpty();

        Map<?, ?> printed = browser.asPrintedOnA4(() -> (Map<?, ?>) browser.js(
                "const shown = s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none');"
                        + "const wide = [...document.querySelectorAll('main table, main figure, main svg, main p')]"
                        + "  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + "  .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));"
                        + "return {nav: shown('header.site'), controls: shown('form.controls'), address: shown('.print-only'),"
                        + "  wide: wide, scroll: document.documentElement.scrollWidth, width: window.innerWidth};"));
        assertThat(printed.get("nav")).as("navigation hidden in print").isEqualTo(false);
        assertThat(printed.get("controls")).as("controls hidden in print").isEqualTo(false);
        assertThat(printed.get("address")).as("the page's address printed").isEqualTo(true);
        assertThat((List<?>) printed.get("wide")).as("wider than A4 in print (" + Browser.A4_PRINTABLE_WIDTH_PX + " px)").isEmpty();

        browser.screenshot(OUT.resolve(name + ".png"));
        assertThat(browser.printA4(OUT.resolve(name + ".pdf"))).as("A4 pages printed").isPositive();
    }

    @Test
    void theRiskSummaryShowsTheApisCountsForThreeQuarters() {
        checkRiskSummaryAgainstApi("2008/09 Q2", "latest");
        checkRiskSummaryAgainstApi("2007/08 Q3", "as-reported");
    }

    private void checkRiskSummaryAgainstApi(String period, String basis) {
        browser.open(page("/?period=" + period + "&basis=" + basis));
        String previous = "2008/09 Q2".equals(period) ? "2008/09 Q1" : "2007/08 Q2";
        String lastYear = "2008/09 Q2".equals(period) ? "2007/08 Q2" : "2006/07 Q3";
        Map<String, Long> api = new HashMap<>();
        Map<String, Double> shares = new HashMap<>();
        for (String from : List.of(previous, lastYear)) {
            JsonNode rows = json(url("/api/v1/comparison", "from", from, "to", period, "basis", basis)).at("/data/rows");
            for (JsonNode r : rows) {
                String key = r.get("theme").asText() + "|" + r.get("rating").asText() + "|";
                api.put(key + from, r.get("fromCount").asLong());
                api.put(key + period, r.get("toCount").asLong());
                if (!r.get("fromShare").isNull()) {
                    shares.put(key + from, r.get("fromShare").asDouble());
                }
                if (!r.get("toShare").isNull()) {
                    shares.put(key + period, r.get("toShare").asDouble());
                }
            }
        }
        List<WebElement> cells = browser.all("table.risk-summary td[data-count]");
        assertThat(cells).as("cells of the risk summary").hasSizeGreaterThanOrEqualTo(8 * 4 * 3);
        Pattern countShare = Pattern.compile("(\\d+)\\s\\((\\d+\\.\\d)%\\)");
        for (WebElement cell : cells) {
            String key = cell.getAttribute("data-theme") + "|" + cell.getAttribute("data-rating") + "|"
                    + cell.getAttribute("data-quarter");
            assertThat(api).as("the API has " + key).containsKey(key);
            assertThat(Long.parseLong(cell.getAttribute("data-count"))).as(key).isEqualTo(api.get(key));
            String text = cell.getText();
            if (cell.getAttribute("data-theme").equals("Totals")) {
                Matcher m = countShare.matcher(text);
                assertThat(m.matches()).as("Totals cell '" + text + "' reads 'count (share%)'").isTrue();
                assertThat(Long.parseLong(m.group(1))).isEqualTo(api.get(key));
                assertThat(Double.parseDouble(m.group(2))).as("share of " + key).isCloseTo(shares.get(key) * 100,
                        org.assertj.core.data.Offset.offset(0.051));
            } else {
                assertThat(text).as(key).isEqualTo(Long.toString(api.get(key)));
            }
        }
        assertThat(browser.one("h1").getText()).contains(period);
    }

    @Test
    void theRiskSummaryFor2007_08Q1ReproducesTheSeedReport() throws Exception {
        browser.open(page("/?period=2007/08 Q1"));
        String[] ratings = ComparisonSeedTest.SEED_RATINGS;
        for (Map.Entry<String, int[]> theme : ComparisonSeedTest.seedTable().entrySet()) {
            for (int r = 0; r < ratings.length; r++) {
                for (int q = 0; q < 2; q++) {
                    String quarter = q == 0 ? "2006/07 Q4" : "2007/08 Q1";
                    WebElement cell = browser.one("td[data-theme='" + theme.getKey() + "'][data-rating='" + ratings[r]
                            + "'][data-quarter='" + quarter + "']");
                    assertThat(cell.getText()).as(theme.getKey() + " " + ratings[r] + " " + quarter)
                            .isEqualTo(Integer.toString(theme.getValue()[r * 2 + q]));
                }
            }
        }
    }

    @Test
    void controlsKeepTheirStateInTheAddressSoALinkCanBePasted() {
        browser.open(page("/"));
        new Select(browser.one("select[name=period]")).selectByVisibleText("2007/08 Q3");
        new Select(browser.one("select[name=basis]")).selectByValue("as-reported");
        browser.one("form.controls button[type=submit]").click();
        browser.awaitCharts();
        String address = browser.driver().getCurrentUrl();
        assertThat(address).contains("period=2007%2F08+Q3").contains("basis=as-reported");
        String table = browser.one("table.risk-summary").getText();
        assertThat(browser.one("h1").getText()).isEqualTo("Indicator risk summary, 2007/08 Q3");

        // pasted into a committee paper and opened later: the same page
        browser.open("about:blank");
        browser.open(address);
        assertThat(browser.one("table.risk-summary").getText()).isEqualTo(table);
        assertThat(new Select(browser.one("select[name=basis]")).getFirstSelectedOption().getText())
                .isEqualTo("As reported at the time");

        browser.open(page("/theme?theme=Safer"));
        new Select(browser.one("select[name=theme]")).selectByVisibleText("Health");
        new Select(browser.one("select[name=period]")).selectByVisibleText("2008/09 Q1");
        browser.one("form.controls button[type=submit]").click();
        browser.awaitCharts();
        assertThat(browser.driver().getCurrentUrl()).contains("theme=Health").contains("period=2008%2F09+Q1");
        assertThat(browser.one("h1").getText()).isEqualTo("Health, 2008/09 Q1");
    }

    @Test
    void whatMovedListsTheApisMoversInTheCommitmentsReportsGroups() {
        browser.open(page("/moved?from=2008/09 Q1&to=2008/09 Q2"));
        for (String subject : List.of("indicators", "commitments")) {
            JsonNode movers = json(url("/api/v1/comparison", "from", "2008/09 Q1", "to", "2008/09 Q2", "subject", subject,
                    "movers", "100000")).at("/data/movers");
            Set<String> expected = new HashSet<>();
            movers.forEach(m -> expected.add(m.get("ref").asText() + " " + m.get("from").asText() + ">" + m.get("to").asText()));
            Set<String> shown = new HashSet<>();
            for (WebElement row : browser.all("#" + subject + " tr[data-ref]")) {
                shown.add(row.getAttribute("data-ref") + " " + row.getAttribute("data-from") + ">" + row.getAttribute("data-to"));
            }
            assertThat(shown).as(subject + " that moved").isNotEmpty().isEqualTo(expected);
        }
        // grouped as the report groups them
        for (WebElement row : browser.all("section[id$='-now-red'] tr[data-ref]")) {
            assertThat(row.getAttribute("data-to")).isEqualTo("RED");
        }
        for (WebElement row : browser.all("section[id$='-amber-was-green'] tr[data-ref]")) {
            assertThat(row.getAttribute("data-from") + ">" + row.getAttribute("data-to")).isEqualTo("GREEN>AMBER");
        }
        for (WebElement row : browser.all("section[id$='-green-was-amber'] tr[data-ref]")) {
            assertThat(row.getAttribute("data-from") + ">" + row.getAttribute("data-to")).isEqualTo("AMBER>GREEN");
        }
        List<String> headings = browser.all("#commitments h3").stream().map(WebElement::getText).toList();
        assertThat(headings.get(0)).startsWith("Red risks: now Red");
        assertThat(headings).anyMatch(h -> h.startsWith("Now Amber, was Green"));
        // each moved item reads like the report: "Red (Amber at 2008/09 Q1)"
        assertThat(browser.one("section[id='commitments-now-red'] td.moved-rating").getText())
                .matches("[^A-Za-z]*Red \\((Green|Amber|Achieved|Not available) at 2008/09 Q1\\)");
    }

    @Test
    void anIndicatorPageShowsItsCommentaryGapAndDefinitionHistory() {
        browser.open(page("/indicator?ref=LAA 1.2.2&from=2006/07 Q1&to=2008/09 Q2"));
        JsonNode trend = json(url("/api/v1/trend", "indicator", "LAA 1.2.2", "from", "2006/07 Q1", "to", "2008/09 Q2")).at("/data");
        List<WebElement> rows = browser.all("#commentary tbody tr");
        assertThat(rows).hasSize(trend.size());
        // newest first; the comment is the officer's for that quarter
        JsonNode newest = trend.get(trend.size() - 1);
        assertThat(rows.get(0).getText()).startsWith(newest.get("period").asText())
                .contains(newest.get("comment").asText());
        JsonNode detail = json("/api/v1/indicators/LAA%201.2.2").at("/data/history");
        assertThat(browser.all("#definition-history tbody tr")).hasSize(detail.size());
        assertThat(detail.size()).as("LAA 1.2.2 changed officer in the sample").isGreaterThan(1);
        JsonNode gap = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "theme", "Children and Young People"))
                .at("/data");
        for (JsonNode g : gap) {
            if (g.get("indicator").asText().equals("LAA 1.2.2")) {
                assertThat(browser.one("#gap").getText()).contains(
                        new java.text.DecimalFormat("#,##0.##").format(g.get("actual").asDouble()));
            }
        }
    }


    /** Every kind of page, for the width checks. */
    static final List<String> EVERY_PAGE = List.of("/", "/?period=2007/08 Q1&basis=as-reported", "/theme",
            "/theme?theme=Safer", "/indicator?q=drug", "/indicator?ref=LAA 1.2.2", "/moved",
            "/benchmark?indicator=LAA 5.10&area=Harnby", "/indicator/areas?ref=LAA 5.10", "/reports",
            "/reports/quarterly?period=2008/09 Q2", "/reports/commitments?period=2008/09 Q2");

    @Test
    void atPhoneWidthNoPageScrollsSidewaysAndChartsKeepReadableLabels() {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String path : EVERY_PAGE) {
                browser.open(page(path));
                Map<?, ?> laid = (Map<?, ?>) browser.js(
                        "const wide = [...document.querySelectorAll('body *')]"
                                + "  .filter(e => !e.closest('.table-scroll') && !e.closest('div.vega') && !e.closest('.skip'))"
                                + "  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                                + "  .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));"
                                + "const charts = [...document.querySelectorAll('div.vega svg')].map(svg => ({"
                                // narrowed to its box where it can be, else scrolled within it: never the page
                                + "  right: svg.closest('div.vega').getBoundingClientRect().right,"
                                // drawn at its own size, not shrunk: its labels keep the font size they were given
                                + "  scale: svg.getBoundingClientRect().width / svg.width.baseVal.value,"
                                + "  smallest: Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize)))}));"
                                + "return {scroll: document.documentElement.scrollWidth, width: window.innerWidth, wide: wide, charts: charts};");
                assertThat(((Number) laid.get("scroll")).longValue()).as("page width at 390 px on " + path + ": " + laid.get("wide"))
                        .isLessThanOrEqualTo(((Number) laid.get("width")).longValue());
                assertThat((List<?>) laid.get("wide")).as("wider than 390 px on " + path).isEmpty();
                for (Object o : (List<?>) laid.get("charts")) {
                    Map<?, ?> chart = (Map<?, ?>) o;
                    assertThat(((Number) chart.get("right")).doubleValue()).as("chart within 390 px on " + path + ": " + chart)
                            .isLessThanOrEqualTo(391);
                    assertThat(((Number) chart.get("scale")).doubleValue()).as("chart not shrunk on " + path).isGreaterThan(0.99);
                    assertThat(((Number) chart.get("smallest")).doubleValue()).as("smallest chart text on " + path)
                            .isGreaterThanOrEqualTo(10);
                }
                browser.screenshot(OUT.resolve("phone" + path.replaceAll("[^A-Za-z0-9.]+", "-") + ".png"));
            }
        } finally {
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void at1280PixelsThe2008_09Q2RiskSummaryFitsWithoutScrolling() {
        browser.open(page("/?period=2008/09 Q2"));
        Map<?, ?> box = (Map<?, ?>) browser.js("const b = document.querySelector('table.risk-summary').closest('.table-scroll');"
                + "return {scroll: b.scrollWidth, client: b.clientWidth, page: document.documentElement.scrollWidth,"
                + " width: window.innerWidth};");
        assertThat(((Number) box.get("width")).longValue()).isEqualTo(1280);
        assertThat(((Number) box.get("scroll")).longValue()).as("the risk summary's width in its box")
                .isLessThanOrEqualTo(((Number) box.get("client")).longValue());
        assertThat(((Number) box.get("page")).longValue()).isLessThanOrEqualTo(1280);
    }

    @Test
    void howDoWeCompareRanksTheApisFiguresWithTheChosenAreaMarked() {
        browser.open(page("/indicator?ref=LAA 5.10&area=Harnby"));
        browser.one("a[href^='/benchmark']").click();
        browser.awaitCharts();
        assertThat(browser.driver().getCurrentUrl()).contains("indicator=LAA%205.10").contains("area=Harnby");
        JsonNode api = json(url("/api/v1/benchmark", "indicator", "LAA 5.10", "period", "2008/09 Q2", "area", "Harnby"))
                .at("/data");
        List<WebElement> rows = browser.all("#ranking tbody tr");
        assertThat(rows).hasSize(api.get("rows").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = api.get("rows").get(i);
            assertThat(rows.get(i).getAttribute("data-area")).isEqualTo(r.get("area").asText());
            assertThat(rows.get(i).getAttribute("data-rank")).isEqualTo(r.get("rank").asText());
            assertThat(rows.get(i).getAttribute("data-quartile")).isEqualTo(r.get("quartile").asText());
            assertThat(Double.parseDouble(rows.get(i).getAttribute("data-actual"))).isEqualTo(r.get("actual").asDouble());
        }
        assertThat(browser.one("#ranking tr.focus").getAttribute("data-area")).isEqualTo("Harnby");
        assertThat(browser.one("#benchmark-lead").getText()).startsWith("Harnby BC is 3rd of 7 in every district")
                .contains("the median is " + new java.text.DecimalFormat("#,##0.##").format(api.at("/summary/median").asDouble()));

        // the group control keeps its choice in the address
        new Select(browser.one("select[name=group]")).selectByValue("Urban districts");
        browser.one("form.controls button[type=submit]").click();
        browser.awaitCharts();
        assertThat(browser.driver().getCurrentUrl()).contains("group=Urban+districts");
        JsonNode urban = json(url("/api/v1/benchmark", "indicator", "LAA 5.10", "period", "2008/09 Q2", "area", "Harnby",
                "group", "Urban districts")).at("/data/rows");
        assertThat(browser.all("#ranking tbody tr")).hasSize(urban.size());
        assertThat(browser.one("#benchmark-lead").getText()).contains("the comparison group Urban districts");
    }

    @Test
    void areaByAreaShowsEveryDistrictAgainstItsOwnPlanAndOneWithoutAPlan() {
        browser.open(page("/indicator?ref=LAA 5.10"));
        browser.one("a[href^='/indicator/areas']").click();
        browser.awaitCharts();
        List<WebElement> rows = browser.all("#areas tbody tr");
        assertThat(rows.get(0).getText()).startsWith("Whole authority");
        assertThat(rows.size()).as("the authority and its districts").isGreaterThan(6);
        for (WebElement row : rows) {
            String area = row.getAttribute("data-area");
            JsonNode gap = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "theme",
                    json("/api/v1/indicators/LAA%205.10").at("/data/theme").asText(),
                    "area", area == null ? "" : area)).at("/data");
            for (JsonNode g : gap) {
                if (g.get("indicator").asText().equals("LAA 5.10")) {
                    assertThat(row.getAttribute("data-actual")).as(area).isEqualTo(g.get("actual").isNull() ? null
                            : Double.toString(g.get("actual").asDouble()));
                    assertThat(row.getAttribute("data-planned")).as(area).isEqualTo(g.get("planned").isNull() ? null
                            : Double.toString(g.get("planned").asDouble()));
                }
            }
        }
        assertThat(browser.one("#areas").getText()).contains("no plan for Whitmore Downs");
        assertThat(browser.one("#areas-lead").getText()).contains("without a plan of their own");
    }

    @Test
    void theIndicatorChartDrawsTheProcessLimitsAndRingsEachSpecialCause() {
        String from = "2006/07 Q1";
        for (String ref : List.of("LAA 1.2.2", "LAA 5.10", "LAA 7.12")) {
            browser.open(page("/indicator?ref=" + ref + "&from=" + from + "&to=2008/09 Q2"));
            JsonNode trend = json(url("/api/v1/trend", "indicator", ref, "from", from, "to", "2008/09 Q2"));
            long special = 0;
            boolean limits = false;
            for (JsonNode p : trend.get("data")) {
                String v = p.get("variation").isNull() ? "" : p.get("variation").asText();
                special += v.equals("IMPROVING") || v.equals("CONCERNING") ? 1 : 0;
                limits |= !p.get("upperProcessLimit").isNull();
            }
            JsonNode spec = parse(browser.one("#indicator-trend-spec").getAttribute("textContent"));
            long rings = 0;
            for (JsonNode layer : spec.get("layer")) {
                if (layer.toString().contains("\"field\":\"cause\"")) {
                    rings += layer.at("/data/values").size();
                }
            }
            assertThat(rings).as("special-cause points ringed on " + ref).isEqualTo(special);
            if (limits) {
                assertThat(spec.toString()).contains("Upper process limit").contains("Process mean");
            }
            JsonNode control = trend.at("/meta/processControl");
            String variation = browser.one("#process-control .spc").getAttribute("class");
            assertThat(variation).as(ref).isEqualTo(control.get("variation") == null || control.get("variation").isNull()
                    ? "spc spc-none" : "spc spc-" + control.get("variation").asText().toLowerCase(java.util.Locale.ROOT));
            // the rating legend lists only the ratings the points have
            for (JsonNode layer : spec.get("layer")) {
                if (layer.at("/encoding/color/scale/domain").isArray()) {
                    Set<String> drawn = new HashSet<>();
                    layer.at("/data/values").forEach(v -> drawn.add(v.get("rating").asText()));
                    Set<String> listed = new HashSet<>();
                    layer.at("/encoding/color/scale/domain").forEach(d -> listed.add(d.asText()));
                    assertThat(listed).as("ratings in the legend of " + ref).isEqualTo(drawn);
                }
            }
        }
    }

    @Test
    void theThemePageShowsVariationAndAssuranceBesideTheRatingsInNumberOrder() {
        browser.open(page("/theme?theme=Safer&period=2008/09 Q2"));
        List<WebElement> rows = browser.all("#gaps tbody tr[data-indicator]");
        List<String> refs = rows.stream().map(r -> r.getAttribute("data-indicator")).toList();
        assertThat(refs).as("references sort as numbers").isSortedAccordingTo(
                io.trajectory.warehouse.query.NaturalOrder.INSTANCE);
        assertThat(refs.indexOf("LAA 7.2")).as("LAA 7.2 before LAA 7.10").isLessThan(refs.indexOf("LAA 7.10"));
        String from = browser.one("#gaps caption span").getText();
        for (WebElement row : rows.subList(0, Math.min(rows.size(), 6))) {
            JsonNode control = json(url("/api/v1/trend", "indicator", row.getAttribute("data-indicator"), "from", from,
                    "to", "2008/09 Q2")).at("/meta/processControl");
            assertThat(java.util.Objects.toString(row.getAttribute("data-variation"), "")).as(row.getAttribute("data-indicator"))
                    .isEqualTo(control.path("variation").isMissingNode() || control.path("variation").isNull() ? ""
                            : control.get("variation").asText());
            assertThat(java.util.Objects.toString(row.getAttribute("data-assurance"), "")).as(row.getAttribute("data-indicator"))
                    .isEqualTo(control.path("assurance").isMissingNode() || control.path("assurance").isNull() ? ""
                            : control.get("assurance").asText());
        }
        // the gap chart lists only the ratings it draws
        JsonNode gaps = parse(browser.one("#theme-gaps-spec").getAttribute("textContent"));
        Set<String> drawn = new HashSet<>();
        gaps.at("/data/values").forEach(v -> drawn.add(v.get("rating").asText()));
        Set<String> listed = new HashSet<>();
        gaps.at("/encoding/color/scale/domain").forEach(d -> listed.add(d.asText()));
        assertThat(listed).isEqualTo(drawn);
        // its labels name the indicators: no axis title beside them to be drawn over them
        assertThat(gaps.at("/encoding/y/axis/title").asText()).isEmpty();
    }

    @Test
    void pagesNameTheSignOffPinTheQuarterInPrintAndHideTheAdminLinkFromThePublic() {
        browser.open(page("/theme?theme=Safer"));
        assertThat(browser.one(".signoff").getText()).startsWith("2008/09 Q2: ");
        assertThat(browser.one(".print-only").getAttribute("textContent")).contains("period=2008%2F09");
        assertThat(browser.all("header.site a[href='/admin/refreshes']")).as("admin link for the public").isEmpty();

        browser.open(page("/?period=2010/11 Q1"));
        assertThat(browser.one("h1").getText()).isEqualTo("404 Not Found");
        assertThat(browser.one(".problem").getText()).startsWith("No return for this quarter");
        assertThat(browser.all("table.risk-summary")).as("no table of zeros").isEmpty();
        browser.consoleErrors(); // the 404 is logged, as it should be
    }

    @Test
    void anAdminRunsARefreshFromTheRefreshHistoryPage() {
        assertThat(get("/admin/refreshes", null, null).getStatus().getCode()).as("anonymous").isEqualTo(401);
        assertThat(get("/admin/refreshes", VIEWER, null).getStatus().getCode()).as("viewer").isEqualTo(403);

        browser.sendHeaders(Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8))));
        try {
            browser.open(page("/admin/refreshes"));
            assertThat(browser.all("header.site a[href='/admin/refreshes']")).as("admin link for an admin").hasSize(1);
            browser.one("form.inline button[type=submit]").click();
            long deadline = System.currentTimeMillis() + 120_000;
            while (true) {
                browser.open(page("/admin/refreshes"));
                List<WebElement> runs = browser.all("#runs tbody tr");
                if (!runs.isEmpty() && !"RUNNING".equals(runs.get(0).getAttribute("data-outcome"))) {
                    assertThat(runs.get(0).getAttribute("data-outcome")).as(runs.get(0).getText()).isEqualTo("UNCHANGED");
                    assertThat(runs.get(0).getText()).contains("Requested by admin");
                    break;
                }
                assertThat(System.currentTimeMillis()).as("refresh still running after 2 minutes").isLessThan(deadline);
            }
            assertThat(browser.one("div.vega").getAttribute("data-rendered")).isEqualTo("true");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.accessibilityViolations()).as("WCAG 2.1 AA on the refresh page").isEmpty();
            browser.screenshot(OUT.resolve("refresh-history.png"));
            browser.printA4(OUT.resolve("refresh-history.pdf"));
        } finally {
            browser.sendHeaders(Map.of());
        }
    }
}
