package com.smartengage.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.smartengage.common.text.Ids;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;

/**
 * Which URLs an endpoint may have: absolute {@code https} (or {@code http} when allowed),
 * no user name or password, no fragment, and a host that resolves to public addresses
 * only, so that a webhook cannot be aimed at the server's own network or a cloud metadata
 * service. Checked when an endpoint is registered and again before every attempt, since
 * DNS answers change.
 */
@Component
class EndpointAddresses {

	static final int MAX_URL_LENGTH = 2048;

	private final boolean allowPrivate;

	private final boolean allowHttp;

	EndpointAddresses(WebhookProperties properties) {
		this.allowPrivate = properties.allowPrivateAddresses();
		this.allowHttp = properties.allowHttp();
	}

	/** The URL as it will be stored, or a 400 that says what is wrong with it. */
	URI checkNew(String url) {
		if (url == null || url.isBlank()) {
			throw new BadRequestException("url is required: the https URL that receives the events");
		}
		if (url.length() > MAX_URL_LENGTH || !Texts.isClean(url)) {
			throw new BadRequestException("url must be at most " + MAX_URL_LENGTH + " characters of plain text");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new BadRequestException("url " + Ids.echo(url) + " is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new BadRequestException("url " + Ids.echo(url) + " must be an absolute https URL with a host");
		}
		if (scheme.equals("http") && !this.allowHttp) {
			throw new BadRequestException("url must use https (plain http is refused unless the server allows it with "
					+ "smart-engage.webhooks.allow-http=true)");
		}
		if (uri.getRawUserInfo() != null) {
			throw new BadRequestException("url must not hold a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new BadRequestException("url must not have a fragment (#...)");
		}
		String refusal = refusal(uri.getHost());
		if (refusal != null) {
			throw new BadRequestException("url " + Ids.echo(url) + " is refused: " + refusal);
		}
		return uri;
	}

	/**
	 * Why an attempt to this host must not be made now, or null when it may: the host
	 * does not resolve, or resolves to an address that is not public.
	 */
	String refusal(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(unbracket(host));
		}
		catch (UnknownHostException ex) {
			return "host " + Ids.echo(host) + " does not resolve";
		}
		if (this.allowPrivate) {
			return null;
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return "host " + Ids.echo(host) + " resolves to " + address.getHostAddress()
						+ ", a loopback, private, link-local or otherwise non-public address";
			}
		}
		return null;
	}

	private static String unbracket(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * Whether an address is on the public internet (not ours, not a metadata service).
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicV4(b, 0);
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 0xff;
			// fc00::/7 unique local (AWS's metadata service lives at fd00:ec2::254)
			if ((first & 0xfe) == 0xfc) {
				return false;
			}
			// ::/96 (IPv4-compatible), ::ffff:0:0/96 (IPv4-mapped), 64:ff9b::/96 (NAT64):
			// the IPv4 address inside decides.
			boolean zeroPrefix = true;
			for (int i = 0; i < 10; i++) {
				zeroPrefix &= b[i] == 0;
			}
			if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
				return isPublicV4(b, 12);
			}
			if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
				return isPublicV4(b, 12);
			}
			// 2002::/16 (6to4) carries an IPv4 address in its next 32 bits.
			if (b[0] == 0x20 && b[1] == 0x02) {
				return isPublicV4(b, 2);
			}
			// 2001:db8::/32 documentation
			return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8);
		}
		return false;
	}

	private static boolean isPublicV4(byte[] b, int at) {
		int a = b[at] & 0xff;
		int second = b[at + 1] & 0xff;
		int third = b[at + 2] & 0xff;
		return !(a == 0 || a == 10 || a == 127 || a >= 224 // this network, private,
															// loopback,
															// multicast and reserved
				|| (a == 100 && second >= 64 && second < 128) // carrier-grade NAT
				|| (a == 169 && second == 254) // link-local and cloud metadata
				|| (a == 172 && second >= 16 && second < 32) // private
				|| (a == 192 && second == 168) // private
				|| (a == 192 && second == 0 && (third == 0 || third == 2)) // IETF,
																			// documentation
				|| (a == 198 && (second == 18 || second == 19)) // benchmarking
				|| (a == 198 && second == 51 && third == 100) // documentation
				|| (a == 203 && second == 0 && third == 113)); // documentation
	}

}
