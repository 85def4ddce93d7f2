/**
 * Demo data for --demo: partners, screens, campaigns and two weeks of journeys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package com.smartengage.demo;
