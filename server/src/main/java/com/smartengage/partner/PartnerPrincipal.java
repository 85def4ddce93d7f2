package com.smartengage.partner;

/**
 * Who is calling the partner API: the partner, the key it used, and that key's mode,
 * which decides which sessions and coupons the call can see (live or sandbox, never
 * both).
 */
public record PartnerPrincipal(long partnerId, long keyId, Mode mode) {

	/** Request attribute under which the authenticated principal is stored. */
	public static final String ATTRIBUTE = "com.smartengage.partner.PartnerPrincipal";

	/** Whether the key is a test key, whose calls see sandbox sessions only. */
	public boolean test() {
		return this.mode == Mode.TEST;
	}

}
