package com.smartengage.coupon;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an upload of codes did: how many went into the pool, how many were already there
 * (or repeated within the upload), and the first of those, so the operator can check
 * them.
 */
public record ImportResult(int imported, int duplicates, @JsonProperty("duplicate_codes") List<String> duplicateCodes) {
}
