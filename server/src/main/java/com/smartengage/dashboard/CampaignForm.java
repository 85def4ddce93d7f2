package com.smartengage.dashboard;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.smartengage.campaign.CreateCampaign;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * The fields of the new-campaign form, as the browser sends them: text, to be turned into
 * the admin API's request with sentences an operator understands.
 *
 * @param coupons where the codes come from: {@code generate} (coupon_quota of them),
 * {@code upload} (a file, sent after the campaign exists) or {@code none}
 */
record CampaignForm(String partnerId, String name, String formUrl, String flow, String coupons, String couponQuota,
		String couponValidDays, String sessionTtlMinutes, String startsAt, String endsAt, String timeZone) {

	CreateCampaign toRequest(ZoneId fallbackZone) {
		ZoneId zone = zone(this.timeZone, fallbackZone);
		Integer quota = "generate".equals(this.coupons) || this.coupons == null || this.coupons.isBlank()
				? number("Number of coupons", this.couponQuota) : null;
		if (this.partnerId == null || this.partnerId.isBlank()) {
			throw new BadRequestException("Choose the partner whose form the campaign sends shoppers to");
		}
		long partner;
		try {
			partner = Long.parseLong(this.partnerId.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Partner must be an id, not " + Ids.echo(this.partnerId));
		}
		return new CreateCampaign(partner, this.name, this.formUrl, this.flow, quota, null,
				number("Coupon validity", this.couponValidDays), dateTime("Start", this.startsAt, zone),
				dateTime("End", this.endsAt, zone), number("Session lifetime", this.sessionTtlMinutes));
	}

	private static Integer number(String label, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(label + " must be a whole number, not " + Ids.echo(text));
		}
	}

	/** A {@code datetime-local} value in the form's zone, as ISO-8601 with an offset. */
	private static String dateTime(String label, String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime().toString();
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(
					label + " must be a date and time such as 2026-12-01T09:00, not " + Ids.echo(text));
		}
	}

	private static ZoneId zone(String text, ZoneId fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return ZoneId.of(text.strip());
		}
		catch (DateTimeException ex) {
			throw new BadRequestException("Time zone must be an IANA name such as Asia/Bangkok, not " + Ids.echo(text));
		}
	}

}
