/**
 * Cluster events over LISTEN/NOTIFY or polling, the clock, SQL time helpers, scheduling.
 */
@org.springframework.modulith.NamedInterface("infra")
package com.smartengage.common.infra;
