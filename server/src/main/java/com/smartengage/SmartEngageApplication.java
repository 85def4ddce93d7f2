package com.smartengage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.smartengage.demo.DemoSwitch;

/** The Smart Engage server: QR scans on signage screens, partner journeys, coupons. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmartEngageApplication {

	/**
	 * Tomcat's switch for the messages that quote what a client sent when Tomcat refuses
	 * it (a malformed header line, a bad cookie, an undecodable parameter). Such a
	 * message can quote an API key, the admin token or a password, so the server logs
	 * none of them unless the operator sets the switch otherwise.
	 */
	static final String TOMCAT_USER_DATA_LOGGING = "org.apache.juli.logging.UserDataHelper.CONFIG";

	public static void main(String[] args) {
		if (System.getProperty(TOMCAT_USER_DATA_LOGGING) == null) {
			System.setProperty(TOMCAT_USER_DATA_LOGGING, "NONE");
		}
		SpringApplication application = new SpringApplication(SmartEngageApplication.class);
		DemoSwitch.prepare(application, args);
		application.run(args);
	}

}
