package com.smartengage.analytics;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.screen.ScreenService;

/**
 * Turns the parameters of an analytics request into an {@link AnalyticsQuery}: a 404 for
 * an unknown campaign or screen, a 400 naming the first parameter that is wrong.
 */
@Component
class AnalyticsQueries {

	private final CampaignService campaigns;

	private final FlowService flows;

	private final ScreenService screens;

	private final Clock clock;

	AnalyticsQueries(CampaignService campaigns, FlowService flows, ScreenService screens, Clock clock) {
		this.campaigns = campaigns;
		this.flows = flows;
		this.screens = screens;
		this.clock = clock;
	}

	/** A funnel: inclusive dates in {@code tz}, open where null; one screen or all. */
	AnalyticsQuery funnel(long campaignId, String from, String to, Long screenId, String tz) {
		Campaign campaign = this.campaigns.get(campaignId);
		checkScreen(screenId);
		Flow flow = this.flows.get(campaign.flowId());
		return new AnalyticsQuery(campaign.id(), flow, AnalyticsQuery.stages(flow), ScanRange.parse(from, to, tz),
				screenId);
	}

	/**
	 * A breakdown by screen, its rows in the order {@code sort} and {@code order} ask.
	 */
	AnalyticsQuery.ByScreen breakdown(long campaignId, String from, String to, String tz, String sort, String order) {
		Campaign campaign = this.campaigns.get(campaignId);
		Flow flow = this.flows.get(campaign.flowId());
		AnalyticsQuery query = new AnalyticsQuery(campaign.id(), flow, AnalyticsQuery.stages(flow),
				ScanRange.parse(from, to, tz), null);
		return new AnalyticsQuery.ByScreen(query, BreakdownOrder.parse(query.stages(), sort, order));
	}

	/**
	 * A time series by hour or day: open dates become the 30 days (for {@code day}) or
	 * the day (for {@code hour}) up to today in {@code tz}, or up to {@code from} when it
	 * lies after today.
	 */
	AnalyticsQuery.ByPeriod timeSeries(long campaignId, String from, String to, Long screenId, String tz,
			String interval) {
		Campaign campaign = this.campaigns.get(campaignId);
		checkScreen(screenId);
		Flow flow = this.flows.get(campaign.flowId());
		boolean hourly = hourly(interval);
		ScanRange open = ScanRange.parse(from, to, tz);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), open.zone());
		LocalDate lastDay = open.to() != null ? open.to()
				: (open.from() != null && open.from().isAfter(today) ? open.from() : today);
		ScanRange range = open.closed(hourly ? lastDay : lastDay.minusDays(29), lastDay);
		Periods periods = Periods.of(range, hourly);
		return new AnalyticsQuery.ByPeriod(
				new AnalyticsQuery(campaign.id(), flow, AnalyticsQuery.stages(flow), range, screenId), periods);
	}

	/**
	 * A screen filter names a screen that exists (0 would read the rollup rows of every
	 * screen together against the events of none).
	 */
	private void checkScreen(Long screenId) {
		if (screenId != null && screenId < 1) {
			throw new BadRequestException("screen_id must be a screen's id, 1 or more, not " + screenId);
		}
		if (screenId != null) {
			this.screens.get(screenId);
		}
	}

	private static boolean hourly(String interval) {
		if (interval == null || interval.isBlank() || interval.strip().equals("day")) {
			return false;
		}
		if (interval.strip().equals("hour")) {
			return true;
		}
		throw new BadRequestException("interval must be hour or day, not " + Ids.echo(interval));
	}

}
