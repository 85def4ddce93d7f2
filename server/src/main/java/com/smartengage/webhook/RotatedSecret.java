package com.smartengage.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a rotation: the new secret, shown this once, and until when the previous
 * one also signs.
 */
public record RotatedSecret(String secret, @JsonProperty("previous_secret_until") Instant previousSecretUntil) {

	/**
	 * Without the secret: Spring MVC logs the body it writes at DEBUG by its toString.
	 */
	@Override
	public String toString() {
		return "RotatedSecret[secret=(not shown), previousSecretUntil=" + this.previousSecretUntil + "]";
	}

}
