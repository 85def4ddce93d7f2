package com.smartengage.journey;

import org.springframework.test.context.TestPropertySource;

/**
 * Every scan of {@link ScanIntegrationTests} with the fast path off: each branch, the 302
 * included, answered by {@link ScanController} alone, exactly as {@link ScanFastPath}
 * answers it.
 */
@TestPropertySource(properties = "smart-engage.fast-paths.enabled=false")
class ScanWithoutFastPathIntegrationTests extends ScanIntegrationTests {

}
