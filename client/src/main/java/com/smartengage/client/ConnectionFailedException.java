package com.smartengage.client;

/**
 * No answer came, still so after the client's retries: the server could not be reached,
 * the connection broke, or the answer took longer than the timeout. Its {@link #status()}
 * is 0 and its cause is the last {@link java.io.IOException} (an
 * {@link java.net.http.HttpTimeoutException} for a timeout), or the
 * {@link InterruptedException} of a thread interrupted while it waited (the thread's
 * interrupt flag is then set again).
 * <p>
 * A POST that ends so may or may not have taken effect. Calling it again with the same
 * idempotency key (see {@link SmartEngageClient#issueCoupon(String, String)}) is safe:
 * the server replays its first answer.
 */
public class ConnectionFailedException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * A call that got no answer.
	 * @param message what happened, in words
	 * @param cause the last failure
	 */
	public ConnectionFailedException(String message, Throwable cause) {
		super(0, message, null, null, cause);
	}

}
