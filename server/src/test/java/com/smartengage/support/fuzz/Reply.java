package com.smartengage.support.fuzz;

import java.util.Map;

import static com.smartengage.support.fuzz.Shown.cut;
import static com.smartengage.support.fuzz.Shown.printable;

/**
 * The server's answer to an {@link Attack}.
 *
 * @param status the status code; 0 when nothing came back, -1 when what came back was not
 * HTTP/1.x
 * @param headers the first value of each header, names in any case
 * @param body the body as text, or what went wrong reading it
 */
public record Reply(int status, Map<String, String> headers, String body) {

	public String header(String name) {
		return this.headers.get(name);
	}

	@Override
	public String toString() {
		return this.status + " " + header("content-type") + " " + printable(cut(this.body));
	}

}
