/**
 * Faults and races: {@code kill -9} under load, a database outage, SIGTERM with requests
 * in flight, and requests racing on one session or one coupon pool, on one instance and
 * on two sharing a database.
 */
package com.smartengage.resilience;
