package com.smartengage.common.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void countsAnIpv4ClientByItsAddress() {
		assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void countsAnIpv6ClientByItsSlash64() {
		assertThat(ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("20010db800010002::/64");
		assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:ffff::9"));
		assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
		assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo("fe80000000000000::/64");
	}

	@Test
	void countsAnIpv4MappedIpv6ClientAsIpv4() {
		assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void keepsAnythingElseAsItIsWithoutANameLookup() {
		assertThat(ClientAddress.key("not:an:address")).isEqualTo("not:an:address");
		assertThat(ClientAddress.key("")).isEqualTo("unknown");
		assertThat(ClientAddress.key(null)).isEqualTo("unknown");
	}

}
