package com.smartengage.demo;

import org.springframework.boot.SpringApplication;

/** The entry point's view of the {@code --demo} switch. */
public final class DemoSwitch {

	private DemoSwitch() {
	}

	/** Call before {@link SpringApplication#run}: see {@link DemoData#prepare}. */
	public static void prepare(SpringApplication application, String[] args) {
		DemoData.prepare(application, args);
	}

}
