package com.smartengage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.smartengage.demo.DemoSwitch;

/** The Smart Engage server: QR scans on signage screens, partner journeys, coupons. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmartEngageApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SmartEngageApplication.class);
		DemoSwitch.prepare(application, args);
		application.run(args);
	}

}
