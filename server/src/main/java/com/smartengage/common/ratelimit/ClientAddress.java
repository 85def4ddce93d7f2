package com.smartengage.common.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address that per-IP rate limits count by: the address of the TCP peer
 * ({@link HttpServletRequest#getRemoteAddr()}). {@code X-Forwarded-For} is not read:
 * behind a proxy every client would share the proxy's address, unless the operator trusts
 * the proxy with {@code server.forward-headers-strategy=native}, which makes Tomcat put
 * the forwarded address there instead. An IPv6 client counts by its /64 network, since
 * one host commonly holds a whole /64. Only used in memory, never stored.
 */
public final class ClientAddress {

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?");

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return key(request.getRemoteAddr());
	}

	static String key(String address) {
		if (address == null || address.isEmpty()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
			return address;
		}
		try {
			// An IPv6 literal: no name lookup happens.
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
