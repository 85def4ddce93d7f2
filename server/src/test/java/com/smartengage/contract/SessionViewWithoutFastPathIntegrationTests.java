package com.smartengage.contract;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link SessionViewIntegrationTests} with the fast paths off: every session view, the
 * 200 included, answered by the controller alone, with the same body.
 */
@TestPropertySource(properties = "smart-engage.fast-paths.enabled=false")
class SessionViewWithoutFastPathIntegrationTests extends SessionViewIntegrationTests {

}
