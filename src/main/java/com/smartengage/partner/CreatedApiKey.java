package com.smartengage.partner;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to creating a key: the only time the key itself is shown. */
public record CreatedApiKey(long id, @JsonProperty("partner_id") long partnerId,
		@JsonProperty("api_key") String apiKey) {
}
