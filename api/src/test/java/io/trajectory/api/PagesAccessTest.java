package io.trajectory.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see the pages (anonymous read off here): viewers read pages and take the CSV behind
 * what a page shows; only admins see refreshes; a bad parameter gets a page that names it.
 */
@MicronautTest(transactional = false)
class PagesAccessTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Test
    void pagesNeedALoginWhenAnonymousReadIsOff() {
        HttpResponse<String> anonymous = get("/", null, null);
        assertThat(anonymous.getStatus().getCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get("WWW-Authenticate")).startsWith("Basic");
        assertThat(get("/theme?theme=Safer", VIEWER, null).getStatus().getCode()).isEqualTo(200);
        assertThat(get("/css/pages.css", null, null).getStatus().getCode()).as("styles are open").isEqualTo(200);
        assertThat(get("/js/vega-embed.min.js", null, null).getStatus().getCode()).as("scripts are bundled").isEqualTo(200);
    }

    @Test
    void aBrowserRefusedALoginGetsAnHtmlPageSayingSo() {
        HttpResponse<String> anonymous = get("/", null, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(anonymous.getStatus().getCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(body(anonymous)).contains("<h1>401 Unauthorized</h1>").contains("This page needs a login")
                .contains("/css/pages.css");
        HttpResponse<String> viewer = get("/admin/refreshes", VIEWER, "text/html");
        assertThat(viewer.getStatus().getCode()).isEqualTo(403);
        assertThat(body(viewer)).contains("only an admin sees the refreshes");
        // a program still gets problem+json
        assertThat(get("/api/v1/benchmark?indicator=LAA%205.10", null, null).getContentType().orElseThrow().toString())
                .startsWith("application/problem+json");
    }

    @Test
    void aQuarterWithNoReturnGetsAPageSayingSoRatherThanZeros() {
        HttpResponse<String> r = get("/?period=2010/11%20Q1", VIEWER, null);
        assertThat(r.getStatus().getCode()).isEqualTo(404);
        assertThat(body(r)).contains("No return for this quarter").contains("2010/11 Q1").contains("<code>period</code>")
                .doesNotContain("risk-summary");
        assertThat(get("/theme?theme=Safer&period=2010/11%20Q1", VIEWER, null).getStatus().getCode()).isEqualTo(404);
        assertThat(get("/risk-summary.csv?period=2010/11%20Q1", VIEWER, null).getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aViewerMayDownloadTheFiguresAPageShowsAsCsv() {
        HttpResponse<String> csv = get("/risk-summary.csv?period=2007/08%20Q1", VIEWER, null);
        assertThat(csv.getStatus().getCode()).isEqualTo(200);
        // the area first (issue 8: extracts an analyst can stack), then the columns as before
        assertThat(body(csv).lines().findFirst().orElseThrow()).isEqualTo("area,theme,rating,period,count,share,"
                + "previousPeriod,previousCount,previousShare,lastYearPeriod,lastYearCount,lastYearShare");
        assertThat(body(csv)).contains("Stronger,GREEN,2007/08 Q1,16,");
        assertThat(get("/risk-summary.csv", null, null).getStatus().getCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminSeesTheRefreshHistory() {
        assertThat(get("/admin/refreshes", VIEWER, null).getStatus().getCode()).isEqualTo(403);
        assertThat(get("/admin/refreshes", ANALYST, null).getStatus().getCode()).isEqualTo(403);
        HttpResponse<String> admin = get("/admin/refreshes", ADMIN, null);
        assertThat(admin.getStatus().getCode()).isEqualTo(200);
        assertThat(body(admin)).contains("Refresh history").contains("Refreshes are off");
    }

    @Test
    void aRefreshCannotBeStartedFromAnotherSite() {
        HttpResponse<String> r = exchange(HttpRequest.POST("/admin/refreshes", Map.of())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                // what a browser sends with a form posted from another site's page
                .header("Sec-Fetch-Site", "cross-site").basicAuth("admin", "admin123"), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(403);
        assertThat(body(r)).contains("only be started from this site");
    }

    @Test
    void aBadParameterGetsAPageNamingItAndWhatItAccepts() {
        HttpResponse<String> badQuarter = get("/?period=2007/08%20Q7", VIEWER, null);
        assertThat(badQuarter.getStatus().getCode()).isEqualTo(400);
        assertThat(badQuarter.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(body(badQuarter)).contains("<code>period</code>").contains("2007/08 Q7");

        HttpResponse<String> unknownTheme = get("/theme?theme=Nowhere", VIEWER, null);
        assertThat(unknownTheme.getStatus().getCode()).isEqualTo(404);
        assertThat(body(unknownTheme)).contains("No theme &#39;Nowhere&#39;").contains("Safer");

        HttpResponse<String> unknownIndicator = get("/indicator?ref=LAA%2099.9", VIEWER, null);
        assertThat(unknownIndicator.getStatus().getCode()).isEqualTo(404);
        assertThat(body(unknownIndicator)).contains("No indicator &#39;LAA 99.9&#39;");

        HttpResponse<String> badBasis = get("/moved?basis=sometimes", VIEWER, null);
        assertThat(badBasis.getStatus().getCode()).isEqualTo(400);
        assertThat(body(badBasis)).contains("<code>basis</code>").contains("latest or as-reported");
    }

    @Test
    void textFromTheWarehouseIsEscapedInPages() {
        HttpResponse<String> r = get("/indicator?q=%3Cscript%3Ealert(1)%3C/script%3E", VIEWER, null);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(body(r)).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
