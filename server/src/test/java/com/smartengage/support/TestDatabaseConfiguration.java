package com.smartengage.support;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Points the server under test at this run's database, and gives it a clock tests can
 * set.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

	@Bean
	HikariDataSource dataSource() {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(TestDatabase.url())
			.username(TestDatabase.username())
			.password(TestDatabase.password())
			.build();
		dataSource.setPoolName("smart-engage-test");
		dataSource.setMaximumPoolSize(20);
		// The test run caches several servers (one per configuration); idle ones give
		// their
		// connections back, so that together they stay under PostgreSQL's 100.
		dataSource.setMinimumIdle(2);
		dataSource.setIdleTimeout(10_000);
		return dataSource;
	}

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

}
