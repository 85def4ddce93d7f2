/**
 * Signed webhooks: partners hear of their sessions' steps and coupons, per Standard
 * Webhooks 1.0. An outbox row is written in the transaction of the change; db-scheduler
 * runs each attempt on one instance and retries on a schedule.
 */
@ApplicationModule(displayName = "Webhooks")
package com.smartengage.webhook;

import org.springframework.modulith.ApplicationModule;
