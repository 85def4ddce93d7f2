package com.smartengage.dashboard;

import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers and times as operators read them: thousands separators, percentages, times in
 * the dashboard's time zone. Templates call it as {@code @fmt}.
 */
@Component("fmt")
class Formats {

	private static final Locale LOCALE = Locale.US;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", LOCALE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss",
			LOCALE);

	private final ZoneId zone;

	Formats(DashboardProperties properties) {
		try {
			this.zone = ZoneId.of(properties.timeZone().strip());
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("smart-engage.dashboard.time-zone must be an IANA time zone such as "
					+ "Asia/Bangkok, not " + properties.timeZone(), ex);
		}
	}

	/** The dashboard's time zone. */
	ZoneId zone() {
		return this.zone;
	}

	/** Today in the dashboard's time zone. */
	LocalDate today(Instant now) {
		return now.atZone(this.zone).toLocalDate();
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(LOCALE).format(value);
	}

	/** A fraction in [0, 1] as a percentage with at most one decimal, e.g. 12.5%. */
	public String percent(double fraction) {
		NumberFormat format = NumberFormat.getPercentInstance(LOCALE);
		format.setMaximumFractionDigits(1);
		return format.format(fraction);
	}

	/** Part of a whole as a percentage; a dash when the whole is zero. */
	public String share(long part, long whole) {
		return whole == 0 ? "–" : percent((double) part / whole);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "–" : DATE_TIME.format(instant.atZone(this.zone));
	}

	/** With seconds, for logs whose entries come seconds apart (webhook attempts). */
	public String dateTimeSeconds(Instant instant) {
		return instant == null ? "–" : DATE_TIME_SECONDS.format(instant.atZone(this.zone));
	}

	public String date(Instant instant) {
		return instant == null ? "–" : DATE.format(instant.atZone(this.zone));
	}

	/** A setting's length as people say it: "24 hours", "5 days", "90 seconds". */
	public String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 86_400 == 0) {
			return plural(seconds / 86_400, "day");
		}
		if (seconds % 3_600 == 0) {
			return plural(seconds / 3_600, "hour");
		}
		if (seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private String plural(long count, String unit) {
		return number(count) + " " + unit + (count == 1 ? "" : "s");
	}

	/** The zone's name for labels, e.g. "Asia/Bangkok". */
	public String zoneName() {
		return this.zone.getId();
	}

	/** The text, or a dash when there is none. */
	public String orDash(String text) {
		return text == null || text.isBlank() ? "–" : text;
	}

	/** A step name as people read it: FORM_APPROVED as "Form approved". */
	public String step(String step) {
		if (step == null || step.isEmpty()) {
			return "";
		}
		String words = step.replace('_', ' ').toLowerCase(LOCALE);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
