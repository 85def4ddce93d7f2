package com.smartengage.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the partner API.
 *
 * @param keyCacheTtl how long a verified API key is served from memory before the
 * database is asked again; revocations reach every instance at once as cluster events,
 * this bounds the delay should one be lost
 * @param keyCacheSize most API keys kept in memory
 * @param maxBodyBytes largest request body accepted on the partner API
 * @param idempotencyTtl how long an answer given under an Idempotency-Key is replayed
 */
@ConfigurationProperties("smart-engage.partner-api")
public record PartnerApiProperties(@DefaultValue("10s") Duration keyCacheTtl, @DefaultValue("10000") long keyCacheSize,
		@DefaultValue("16384") int maxBodyBytes, @DefaultValue("24h") Duration idempotencyTtl) {
}
