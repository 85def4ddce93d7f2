package com.smartengage.client;

/** Session view bodies as the server writes them. */
final class SessionBodies {

	static final String WITHOUT_COUPON = """
			{"session_id":"s-1","campaign_id":12,"screen_id":3,"flow":"FILL_FORM","status":"FORM_REVIEWING",
			 "ended":false,"expired":false,"created_at":"2026-11-30T09:00:00Z","expires_at":"2026-12-01T09:00:00Z",
			 "steps":[{"step":"SCANNED","at":"2026-11-30T09:00:00Z"},{"step":"FORM_REVIEWING","at":"2026-11-30T09:01:30.250Z"}],
			 "coupon":null}
			""";

	static final String WITH_COUPON = """
			{"session_id":"s-2","campaign_id":12,"screen_id":3,"flow":"FILL_FORM","status":"COUPON_REDEEMED",
			 "ended":true,"expired":false,"created_at":"2026-11-30T09:00:00Z","expires_at":"2026-12-01T09:00:00Z",
			 "steps":[{"step":"SCANNED","at":"2026-11-30T09:00:00Z"}],
			 "coupon":{"coupon_code":"WGWBGQ9MA3","coupon_url":"https://engage.example.com/c/tok","issued_at":"2026-11-30T09:05:00Z",
			           "expires_at":"2026-12-30T09:05:00Z","redeemed_at":"2026-11-30T10:00:00Z"},
			 "a_field_added_later":[1,2,3]}
			""";

	private SessionBodies() {
	}

}
