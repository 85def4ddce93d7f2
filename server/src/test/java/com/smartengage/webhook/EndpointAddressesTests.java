package com.smartengage.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
			"169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.254", "224.0.0.1", "255.255.255.255", "192.0.0.1",
			"192.0.2.1", "198.18.0.1", "198.51.100.1", "203.0.113.1", "::1", "::", "fe80::1", "fc00::1",
			"fd00:ec2::254", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2001:db8::1", "ff02::1" })
	void refusesAddressesThatAreNotPublic(String address) throws UnknownHostException {
		assertThat(EndpointAddresses.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1",
			"2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808" })
	void acceptsPublicAddresses(String address) throws UnknownHostException {
		assertThat(EndpointAddresses.isPublic(InetAddress.getByName(address))).isTrue();
	}

}
