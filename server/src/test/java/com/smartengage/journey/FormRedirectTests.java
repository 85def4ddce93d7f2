package com.smartengage.journey;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The redirect to a partner's form keeps the form URL's own query and fragment. */
class FormRedirectTests {

	private static final UUID SESSION = UUID.fromString("8960569d-db50-4742-8668-1da5c8ddf652");

	private static final String ID = "session_id=" + SESSION;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			https://partner.example.com/form                 | https://partner.example.com/form?{id}
			https://partner.example.com/                     | https://partner.example.com/?{id}
			https://partner.example.com                      | https://partner.example.com?{id}
			https://partner.example.com/form?lang=th         | https://partner.example.com/form?lang=th&{id}
			https://partner.example.com/form?lang=th&ref=qr  | https://partner.example.com/form?lang=th&ref=qr&{id}
			https://partner.example.com/form?                | https://partner.example.com/form?{id}
			https://partner.example.com/form?lang=th&        | https://partner.example.com/form?lang=th&{id}
			https://partner.example.com/form#top             | https://partner.example.com/form?{id}#top
			https://partner.example.com/form?lang=th#top     | https://partner.example.com/form?lang=th&{id}#top
			https://partner.example.com/form?#top            | https://partner.example.com/form?{id}#top
			https://partner.example.com/form#/step?x=1       | https://partner.example.com/form?{id}#/step?x=1
			https://partner.example.com/form#                | https://partner.example.com/form?{id}#
			https://partner.example.com/f?q=a%20b&amp=%26#x  | https://partner.example.com/f?q=a%20b&amp=%26&{id}#x
			""")
	void addsTheSessionIdAndKeepsQueryAndFragment(String formUrl, String expected) {
		assertThat(FormRedirect.withSessionId(formUrl, SESSION)).isEqualTo(expected.replace("{id}", ID));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			https://partner.example.com/form?session=old
			https://partner.example.com/form?a=1#frag
			http://partner.example.com:8080/form
			""")
	void addsExactlyOneSessionIdThatIsTheSessionsOwn(String formUrl) {
		UUID session = UUID.randomUUID();
		String location = FormRedirect.withSessionId(formUrl, session);
		assertThat(location.split("session_id=", -1)).hasSize(2);
		assertThat(location).contains("session_id=" + session).startsWith(formUrl.split("#")[0]);
	}

}
