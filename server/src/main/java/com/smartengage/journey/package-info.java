/**
 * A shopper's session: the scan, the partner API's status updates and session view, and
 * their fast paths (ADR 0007). Publishes JourneyRecorded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey")
package com.smartengage.journey;
