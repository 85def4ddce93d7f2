package com.smartengage.analytics;

import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics endpoints' answers to bad parameters (a 400 with a sentence, never a 500)
 * and the shape of their CSV.
 */
@IntegrationTest
class AnalyticsApiIntegrationTests extends ServerTests {

	@Test
	void refusesBadParametersWithASentence() {
		Fixtures.World world = this.fixtures.world(5);
		String base = "/admin/api/campaigns/" + world.campaignId();
		assertRefused(base + "/funnel?tz=Mars/Olympus", "tz must be an IANA time zone");
		assertRefused(base + "/funnel?from=2026-13-01", "from must be a date such as");
		assertRefused(base + "/funnel?from=2026-03-02&to=2026-03-01", "to must not be before from");
		assertRefused(base + "/funnel?format=xml", "format must be json or csv");
		assertRefused(base + "/breakdown?sort=NOPE", "sort must be screen, failures, a step");
		assertRefused(base + "/breakdown?order=sideways", "order must be asc or desc");
		assertRefused(base + "/timeseries?interval=week", "interval must be hour or day");
		assertRefused(base + "/timeseries?interval=hour&from=2026-01-01&to=2026-03-01", "at most 744 points");
		assertRefused(base + "/sessions.csv?tz=Nowhere", "tz must be an IANA time zone");
		assertRefused(base + "/funnel?screen_id=0", "screen_id must be a screen's id");
		assertRefused(base + "/timeseries?screen_id=-3", "screen_id must be a screen's id");
		assertThat(this.http.get(base + "/funnel?screen_id=987654321").admin().send().status()).isEqualTo(404);
		Http.Answer unknown = this.http.get("/admin/api/campaigns/987654321/funnel").admin().send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorMsg()).isNotBlank();
		assertThat(this.http.get(base + "/funnel").send().status()).isEqualTo(401);
	}

	@Test
	void exportsCsvThatSpreadsheetsCannotRunAsFormulas() {
		Fixtures.World world = this.fixtures.world(5);
		long screen = this.fixtures.screen("=HYPERLINK(\"http://evil.example\",\"x\"), lobby");
		this.fixtures.scan(this.fixtures.placement(world.campaignId(), screen));
		this.fixtures.scan(world.slug());
		String base = "/admin/api/campaigns/" + world.campaignId();

		Http.Answer breakdown = this.http.get(base + "/breakdown?format=csv&sort=screen").admin().send();
		assertThat(breakdown.status()).isEqualTo(200);
		assertThat(breakdown.header("Content-Type")).startsWith("text/csv");
		assertThat(breakdown.header("Content-Disposition")).contains("attachment").contains(".csv");
		String[] lines = breakdown.body().split("\r\n");
		assertThat(lines[0]).startsWith("screen_id,screen_name,SCANNED,FORM_SUBMITTED");
		assertThat(lines).hasSize(3);
		assertThat(breakdown.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\"), lobby\",1,");

		Http.Answer funnel = this.http.get(base + "/funnel?format=csv").admin().send();
		assertThat(funnel.body().split("\r\n")[0]).isEqualTo("step,kind,after_step,sessions,conversion_from_previous,"
				+ "conversion_from_scan,median_seconds_from_scan,p90_seconds_from_scan");
		assertThat(funnel.body()).contains("\r\nSCANNED,step,,2,1,1,0,0\r\n").contains("\r\nFORM_REJECTED,failure,,0,");

		Http.Answer sessions = this.http.get(base + "/sessions.csv").admin().send();
		assertThat(sessions.body().split("\r\n")).hasSize(3);
	}

	private void assertRefused(String path, String sentence) {
		Http.Answer answer = this.http.get(path).admin().send();
		assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.errorMsg()).as(path).contains(sentence);
	}

}
