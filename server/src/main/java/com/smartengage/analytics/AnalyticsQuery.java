package com.smartengage.analytics;

import java.util.ArrayList;
import java.util.List;

import com.smartengage.campaign.Flow;

/**
 * An analytics request, checked: the campaign, its flow and the stages of its funnel, the
 * scans it covers, and the one screen it narrows them to (null: every screen). Made by
 * {@link AnalyticsQueries}.
 */
record AnalyticsQuery(long campaignId, Flow flow, List<String> stages, ScanRange range, Long screenId) {

	/**
	 * The stages of a flow's funnel: SCANNED, its forward steps, COUPON_ISSUED,
	 * COUPON_REDEEMED.
	 */
	static List<String> stages(Flow flow) {
		List<String> stages = new ArrayList<>();
		stages.add(Flow.SCANNED);
		stages.addAll(flow.steps());
		stages.add(Flow.COUPON_ISSUED);
		stages.add(Flow.COUPON_REDEEMED);
		return stages;
	}

	/** A breakdown: the query, every screen, and the order of its rows. */
	record ByScreen(AnalyticsQuery query, BreakdownOrder order) {
	}

	/** A time series: the query, with both dates set, and its hours or days. */
	record ByPeriod(AnalyticsQuery query, Periods periods) {
	}

}
