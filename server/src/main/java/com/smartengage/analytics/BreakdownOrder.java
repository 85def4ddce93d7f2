package com.smartengage.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.smartengage.campaign.Flow;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * The order of a breakdown's rows: the column ({@code screen}, {@code failures}, a step,
 * or a step followed by {@code .conversion}), the direction, and the comparator, which
 * breaks ties by screen name.
 */
record BreakdownOrder(String column, String direction, Comparator<Breakdown.Row> comparator) {

	private static final String CONVERSION = ".conversion";

	/**
	 * The order a request asks for: by default SCANNED, descending (ascending for
	 * {@code screen}); a 400 for an unknown direction, then for an unknown column.
	 */
	static BreakdownOrder parse(List<String> stages, String sort, String order) {
		String column = sort == null || sort.isBlank() ? Flow.SCANNED : sort.strip();
		String direction = direction(column, order);
		Comparator<Breakdown.Row> byName = Comparator
			.comparing(Breakdown.Row::screenName, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(Breakdown.Row::screenId);
		Comparator<Breakdown.Row> primary;
		if (column.equals("screen")) {
			primary = byName;
		}
		else if (column.equals("failures")) {
			primary = Comparator.comparingLong(Breakdown.Row::failures);
		}
		else {
			boolean conversion = column.endsWith(CONVERSION);
			String step = conversion ? column.substring(0, column.length() - CONVERSION.length()) : column;
			int stage = stages.indexOf(step);
			if (stage < 0) {
				throw new BadRequestException("sort must be screen, failures, a step (" + String.join(", ", stages)
						+ ") or a step followed by .conversion, not " + Ids.echo(sort));
			}
			primary = conversion
					? Comparator.comparingDouble((Breakdown.Row row) -> row.steps().get(stage).conversionFromScan())
					: Comparator.comparingLong((Breakdown.Row row) -> row.steps().get(stage).sessions());
		}
		boolean descending = direction.equals("desc");
		return new BreakdownOrder(column, direction, (descending ? primary.reversed() : primary).thenComparing(byName));
	}

	private static String direction(String column, String order) {
		if (order == null || order.isBlank()) {
			return column.equals("screen") ? "asc" : "desc";
		}
		String value = order.strip().toLowerCase(Locale.ROOT);
		if (!value.equals("asc") && !value.equals("desc")) {
			throw new BadRequestException("order must be asc or desc, not " + Ids.echo(order));
		}
		return value;
	}

}
