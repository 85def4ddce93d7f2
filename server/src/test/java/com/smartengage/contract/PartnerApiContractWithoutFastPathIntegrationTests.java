package com.smartengage.contract;

import org.springframework.test.context.TestPropertySource;

/**
 * The contract, byte for byte, with the fast paths off: every status update and session
 * view of {@link PartnerApiContractIntegrationTests} answered by the controllers alone.
 */
@TestPropertySource(properties = "smart-engage.fast-paths.enabled=false")
class PartnerApiContractWithoutFastPathIntegrationTests extends PartnerApiContractIntegrationTests {

}
