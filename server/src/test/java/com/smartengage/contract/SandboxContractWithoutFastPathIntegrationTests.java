package com.smartengage.contract;

import org.springframework.test.context.TestPropertySource;

/**
 * The sandbox's answers with the fast paths off: every status update and session view of
 * {@link SandboxContractIntegrationTests} answered by the controllers alone.
 */
@TestPropertySource(properties = "smart-engage.fast-paths.enabled=false")
class SandboxContractWithoutFastPathIntegrationTests extends SandboxContractIntegrationTests {

}
