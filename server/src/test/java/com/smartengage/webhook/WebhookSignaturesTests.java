package com.smartengage.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smartengage.support.StandardWebhooksVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTests {

	/** The test vector the Standard Webhooks specification and its libraries publish. */
	@Test
	void signsTheSpecificationsTestVector() {
		byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
		String header = WebhookSignatures.header(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
		assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
		assertThat(new StandardWebhooksVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
			.verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", header, body, 1614265330)).isTrue();
	}

	@Test
	void twoSecretsGiveTwoSignaturesSeparatedByASpace() {
		String first = WebhookSignatures.newSecret();
		String second = WebhookSignatures.newSecret();
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String header = WebhookSignatures.header(List.of(first, second), "msg_1", 1700000000, body);
		assertThat(header.split(" ")).hasSize(2);
		assertThat(new StandardWebhooksVerifier(first).verify("msg_1", "1700000000", header, body, 1700000000))
			.isTrue();
		assertThat(new StandardWebhooksVerifier(second).verify("msg_1", "1700000000", header, body, 1700000000))
			.isTrue();
		assertThat(new StandardWebhooksVerifier(WebhookSignatures.newSecret()).verify("msg_1", "1700000000", header,
				body, 1700000000))
			.isFalse();
		// Any change to the id, the timestamp or the body breaks the signature.
		StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(first);
		assertThat(verifier.verify("msg_2", "1700000000", header, body, 1700000000)).isFalse();
		assertThat(verifier.verify("msg_1", "1700000001", header, body, 1700000001)).isFalse();
		assertThat(verifier.verify("msg_1", "1700000000", header, "{ }".getBytes(StandardCharsets.UTF_8), 1700000000))
			.isFalse();
	}

	@Test
	void aSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
		String secret = WebhookSignatures.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(WebhookSignatures.newSecret()).isNotEqualTo(secret);
	}

}
