package com.smartengage.screen;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One digital signage display at a location. */
public record Screen(long id, String name, String location, @JsonProperty("created_at") Instant createdAt) {
}
