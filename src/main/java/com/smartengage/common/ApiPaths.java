package com.smartengage.common;

/** Which request paths answer in JSON (APIs) rather than HTML (shopper and operator pages). */
public final class ApiPaths {

	/** The partner API, authenticated by the API-KEY header. */
	public static final String PARTNER_PREFIX = "/smart-engage/";

	/** The admin API, authenticated by the admin bearer token. */
	public static final String ADMIN_PREFIX = "/admin/api/";

	private ApiPaths() {
	}

	public static boolean isJson(String path) {
		return path != null && (path.startsWith(PARTNER_PREFIX) || path.startsWith(ADMIN_PREFIX)
				|| path.equals("/admin/api") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs"));
	}

}
