package com.smartengage.partner;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A company whose form campaigns send shoppers to. */
public record Partner(long id, String name, @JsonProperty("created_at") Instant createdAt) {
}
