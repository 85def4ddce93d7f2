package com.smartengage.support.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.smartengage.support.fuzz.Shown.cut;
import static com.smartengage.support.fuzz.Shown.printable;

/**
 * One hostile request: through java.net.http, or over a raw socket with a raw path or
 * header, or as exact bytes. Its {@link #toString()} is what a report shows to reproduce
 * it.
 *
 * @param kind what it attacks ("update", "engage", "view", "redeem", "scan", "query",
 * "admin", "form", "line", "header"), the first half of the report's counts
 * @param method the HTTP method
 * @param path the request target as java.net.http sends it
 * @param headers the headers, in the order sent
 * @param body the body, or null for none
 * @param chunked whether the body goes out chunked
 * @param raw whether it goes out over a raw socket
 * @param rawPath the target's bytes as the raw socket sends them, or null for
 * {@code path}
 * @param rawHeader one more header line's bytes, or null
 * @param label what the body is, for the report
 * @param rawRequest the whole request's bytes, or null when it is built from the rest
 */
public record Attack(String kind, String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
		boolean raw, byte[] rawPath, byte[] rawHeader, String label, byte[] rawRequest) {

	Attack(String kind, String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
			boolean raw, byte[] rawPath, byte[] rawHeader, String label) {
		this(kind, method, path, headers, body, chunked, raw, rawPath, rawHeader, label, null);
	}

	/** A request sent as exactly these bytes: request line, headers and body. */
	static Attack exact(String kind, String label, byte[] request) {
		return new Attack(kind, "RAW", "", Map.of(), null, false, true, null, null, label, request);
	}

	Attack withRaw(byte[] path, byte[] header) {
		return new Attack(this.kind, this.method, this.path, this.headers, this.body, false, true, path, header,
				this.label);
	}

	@Override
	public String toString() {
		if (this.rawRequest != null) {
			return "exact bytes " + printable(cut(new String(this.rawRequest, StandardCharsets.UTF_8))) + " ("
					+ this.label + ")";
		}
		String target = this.rawPath != null ? "raw " + printable(new String(this.rawPath, StandardCharsets.UTF_8))
				: printable(this.path);
		return this.method + " " + cut(target) + " " + printable(cut(this.headers.toString()))
				+ (this.rawHeader != null
						? " raw header " + printable(cut(new String(this.rawHeader, StandardCharsets.UTF_8))) : "")
				+ (this.chunked ? " chunked" : "") + " body: " + printable(cut(this.label));
	}

}
