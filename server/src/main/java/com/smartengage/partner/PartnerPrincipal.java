package com.smartengage.partner;

/** Who is calling the partner API: the partner and the key it used. */
public record PartnerPrincipal(long partnerId, long keyId) {

	/** Request attribute under which the authenticated principal is stored. */
	public static final String ATTRIBUTE = "com.smartengage.partner.PartnerPrincipal";

}
