package com.smartengage.partner;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to creating a key: the only time the key itself is shown.
 *
 * @param mode {@code live} or {@code test}
 */
public record CreatedApiKey(long id, @JsonProperty("partner_id") long partnerId, @JsonProperty("api_key") String apiKey,
		String mode) {

	/**
	 * Without the key: Spring MVC logs the body it writes at DEBUG by its
	 * {@code toString()}.
	 */
	@Override
	public String toString() {
		return "CreatedApiKey[id=" + this.id + ", partnerId=" + this.partnerId + ", mode=" + this.mode
				+ ", apiKey=(not shown)]";
	}

}
