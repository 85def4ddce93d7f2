/**
 * Partners and their API keys, the partner API's authentication, request reading and
 * Idempotency-Key replays.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner")
package com.smartengage.partner;
