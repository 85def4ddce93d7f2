package com.smartengage.client;

/**
 * A webhook delivery that {@link WebhookVerifier} refused: a header is missing, no
 * signature matches the endpoint's secret, the timestamp is too far from the clock (a
 * replayed delivery), or the signed body is not an event. Answer such a request with a
 * 4xx and do not act on it.
 */
public class WebhookVerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * A refused delivery.
	 * @param message why it was refused
	 */
	public WebhookVerificationException(String message) {
		super(message);
	}

	/**
	 * A refused delivery, with the failure underneath.
	 * @param message why it was refused
	 * @param cause what failed
	 */
	public WebhookVerificationException(String message, Throwable cause) {
		super(message, cause);
	}

}
