package com.smartengage;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTests {

	private static final ApplicationModules modules = ApplicationModules.of(SmartEngageApplication.class);

	@Test
	void modulesFormNoCycleAndReachOnlyEachOthersPublishedTypes() {
		System.out.println(modules);
		modules.verify();
	}

}
