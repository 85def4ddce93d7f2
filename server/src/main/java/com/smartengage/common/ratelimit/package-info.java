/** Per-client rate limits (ADR 0005). */
@org.springframework.modulith.NamedInterface("ratelimit")
package com.smartengage.common.ratelimit;
