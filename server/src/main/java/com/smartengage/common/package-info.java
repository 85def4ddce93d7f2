/**
 * The shared kernel: what every feature module uses and none owns. Its sub-packages are
 * its published interfaces, each named; {@code common.http} (the Tomcat connector's
 * deadlines and error valve) is published to no one.
 * <ul>
 * <li>{@code web}: error bodies and their one exception handler, the friendly pages,
 * request paths, the order of every filter, public URLs;</li>
 * <li>{@code ratelimit}: per-client rate limits;</li>
 * <li>{@code text}: text checks, identifiers, hashing;</li>
 * <li>{@code infra}: cluster events, the clock, SQL time helpers, scheduling.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common (shared kernel)")
package com.smartengage.common;
