package com.smartengage.common.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every servlet filter of the server takes its place from {@link FilterOrder}, nowhere
 * else.
 */
class FilterOrderTests {

	@Test
	void everyFilterIsOrderedByAConstantOfFilterOrder() throws IllegalAccessException {
		Set<Integer> places = places();
		List<JavaClass> filters = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.smartengage")
			.stream()
			.filter((type) -> type.isAssignableTo(Filter.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT))
			.toList();
		assertThat(filters).as("the server's filters").hasSizeGreaterThanOrEqualTo(9);
		for (JavaClass filter : filters) {
			Order order = filter.reflect().getAnnotation(Order.class);
			assertThat(order).as(filter.getName() + " has no @Order").isNotNull();
			assertThat(places).as(filter.getName() + "'s @Order is not one of FilterOrder's").contains(order.value());
		}
	}

	@Test
	void theFastPathsComeAfterTheFiltersThatGuardThem() {
		assertThat(FilterOrder.REQUEST_ID).isLessThan(FilterOrder.SECURITY_HEADERS);
		assertThat(FilterOrder.SECURITY_HEADERS).isLessThan(FilterOrder.SCAN_RATE_LIMIT);
		assertThat(FilterOrder.SCAN_RATE_LIMIT).isLessThan(FilterOrder.SCAN_FAST_PATH);
		assertThat(FilterOrder.AUTHENTICATION).isLessThan(FilterOrder.PARTNER_API_FAST_PATH);
		assertThat(FilterOrder.AUTHENTICATION).isLessThan(FilterOrder.MALFORMED_PARAMETERS);
		assertThat(FilterOrder.MALFORMED_PARAMETERS).isLessThan(FilterOrder.DASHBOARD_AUTHENTICATION);
		// After Spring's RequestContextFilter (-105), which the session view's coupon URL
		// needs.
		assertThat(FilterOrder.PARTNER_API_FAST_PATH).isGreaterThan(-105);
	}

	private static Set<Integer> places() throws IllegalAccessException {
		Set<Integer> places = new HashSet<>();
		for (Field field : FilterOrder.class.getDeclaredFields()) {
			if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
					&& field.getType() == int.class) {
				places.add(field.getInt(null));
			}
		}
		return places;
	}

}
