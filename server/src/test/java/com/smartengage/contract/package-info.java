/**
 * The partner API contract (API-CONTRACT.md) over real HTTP: every status and exact body
 * partners code against, their clients' request shapes, the optional
 * {@code Idempotency-Key}, the session view, redemption, and the whole journey from scan
 * to redeemed coupon.
 */
package com.smartengage.contract;
