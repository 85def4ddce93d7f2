package com.smartengage.support.fuzz;

import java.util.Random;

/**
 * The fuzzer's generator: an endless run of hostile requests, every choice taken from one
 * seeded {@link Random}, so that a seed replays a run exactly. Nearly half go beyond the
 * partner API's JSON bodies: query strings on every kind of route, the admin API, the
 * dashboard's forms, raw request lines and raw header sections.
 */
public final class HostileRequests {

	/**
	 * Planted where only a secret would be (an API key, a token, a password field): the
	 * log must never show it.
	 */
	public static final String MARKER = "FUZZ-SECRET-7f3a9c";

	private final Random random;

	private final PartnerApiAttacks partnerApi;

	private final OperatorAttacks operator;

	private final ProtocolAttacks protocol;

	/**
	 * Requests aimed at the target's partner API and scan, and at the playground's admin
	 * and dashboard routes.
	 */
	public HostileRequests(Random random, Target target, Playground playground) {
		this.random = random;
		HostileText text = new HostileText(random, target);
		JsonBodies bodies = new JsonBodies(random, target, text);
		this.partnerApi = new PartnerApiAttacks(random, target, text, bodies);
		this.operator = new OperatorAttacks(random, playground, text, bodies);
		this.protocol = new ProtocolAttacks(random, playground, text, target.world().slug());
	}

	/** The next hostile request. */
	public Attack next() {
		return this.random.nextInt(100) < 45 ? beyondThePartnerApi() : this.partnerApi.next();
	}

	private Attack beyondThePartnerApi() {
		int pick = this.random.nextInt(100);
		if (pick < 30) {
			return this.protocol.query();
		}
		if (pick < 58) {
			return this.operator.admin();
		}
		if (pick < 80) {
			return this.operator.form();
		}
		if (pick < 90) {
			return this.protocol.line();
		}
		return this.protocol.headers();
	}

}
