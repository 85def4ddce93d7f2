package com.smartengage.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * The scans an analytics request covers: sessions scanned from the start of day
 * {@code from} to the end of day {@code to}, both in {@code zone}. Null dates leave that
 * side open.
 */
record ScanRange(LocalDate from, LocalDate to, ZoneId zone) {

	/** The default zone, named as operators write it. */
	static final ZoneId UTC = ZoneId.of("UTC");

	/** Before any scan this server can have recorded. */
	static final Instant OPEN_START = Instant.parse("1970-01-01T00:00:00Z");

	/** After any scan this server will record. */
	static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

	static ScanRange parse(String fromText, String toText, String tzText) {
		ZoneId zone = zone(tzText);
		LocalDate from = date("from", fromText);
		LocalDate to = date("to", toText);
		if (from != null && to != null && to.isBefore(from)) {
			throw new BadRequestException("to must not be before from");
		}
		return new ScanRange(from, to, zone);
	}

	Instant start() {
		return this.from == null ? OPEN_START : this.from.atStartOfDay(this.zone).toInstant();
	}

	Instant end() {
		return this.to == null ? OPEN_END : this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	String tz() {
		return this.zone.getId();
	}

	/** This range with both ends set: open ends become the given defaults. */
	ScanRange closed(LocalDate defaultFrom, LocalDate defaultTo) {
		LocalDate closedTo = this.to != null ? this.to : defaultTo;
		LocalDate closedFrom = this.from != null ? this.from : defaultFrom;
		if (closedFrom.isAfter(closedTo)) {
			closedFrom = closedTo;
		}
		return new ScanRange(closedFrom, closedTo, this.zone);
	}

	static ZoneId zone(String tz) {
		if (tz == null || tz.isBlank()) {
			return UTC;
		}
		try {
			return ZoneId.of(tz.strip());
		}
		catch (DateTimeException ex) {
			throw new BadRequestException("tz must be an IANA time zone such as Asia/Bangkok, not " + Ids.echo(tz));
		}
	}

	private static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(field + " must be a date such as 2026-11-30, not " + Ids.echo(text));
		}
		if (date.getYear() < 1970 || date.getYear() > 9998) {
			throw new BadRequestException(field + " must lie between the years 1970 and 9998, not " + Ids.echo(text));
		}
		return date;
	}

}
