package com.smartengage.webhook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/** The events a partner can subscribe to, by the names on the wire. */
public enum WebhookEventType {

	SESSION_STATUS_CHANGED("session.status_changed"),

	COUPON_ISSUED("coupon.issued"),

	COUPON_REDEEMED("coupon.redeemed");

	/**
	 * The type of the test event an operator sends by hand; every endpoint receives it,
	 * whatever it subscribed to.
	 */
	public static final String TEST = "webhook.test";

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	/** Every type's wire name, in this order. */
	public static List<String> wireNames() {
		return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
	}

	/**
	 * The types these wire names name; every type when {@code names} is null. A 400 names
	 * each unknown one.
	 */
	static Set<WebhookEventType> parse(Collection<String> names) {
		if (names == null) {
			return EnumSet.allOf(WebhookEventType.class);
		}
		if (names.isEmpty()) {
			throw new BadRequestException(
					"events must name at least one event type (leave it out for every type); the types are "
							+ String.join(", ", wireNames()));
		}
		Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
		List<String> unknown = new ArrayList<>();
		for (String name : names) {
			WebhookEventType type = name == null ? null
					: Arrays.stream(values()).filter((t) -> t.wireName.equals(name)).findFirst().orElse(null);
			if (type == null) {
				unknown.add(name == null ? "null" : Ids.echo(name));
			}
			else {
				types.add(type);
			}
		}
		if (!unknown.isEmpty()) {
			throw new BadRequestException("Unknown event type " + String.join(", ", unknown) + "; the types are "
					+ String.join(", ", wireNames()));
		}
		return types;
	}

	/** The column's form: wire names, comma-separated, in this enum's order. */
	static String column(Set<WebhookEventType> types) {
		return types.stream().map(WebhookEventType::wireName).collect(Collectors.joining(","));
	}

	static Set<WebhookEventType> fromColumn(String column) {
		Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
		for (String name : column.split(",")) {
			Arrays.stream(values()).filter((t) -> t.wireName.equals(name)).findFirst().ifPresent(types::add);
		}
		return types;
	}

}
