/**
 * Signage screens, where campaigns are placed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screen")
package com.smartengage.screen;
