/**
 * The admin API's bearer token, the metrics token, and the audit trail of admin actions
 * (and its endpoint).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package com.smartengage.admin;
