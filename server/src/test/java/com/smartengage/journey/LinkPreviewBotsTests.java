package com.smartengage.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Link-preview crawlers are told apart from shoppers' phones by their User-Agent. */
class LinkPreviewBotsTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "facebookexternalhit/1.1",
			"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Slackbot-LinkExpanding 1.0",
			"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23", "WhatsApp/2.23.20.0 A",
			"TelegramBot", "TelegramBot (like TwitterBot)", "Twitterbot/1.0", "Discordbot/2.0",
			"Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "LinkedInBot/1.0",
			"LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
			"Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots",
			"Mozilla/5.0 (compatible; Pinterestbot/1.0; +https://www.pinterest.com/bot.html)",
			"Pinterest/0.2 (+https://www.pinterest.com/bot.html)",
			"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Version/17.0 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
			"SkypeUriPreview Preview/0.5", "FACEBOOKEXTERNALHIT/1.1", "whatsapp/2.23" })
	void recognisesLinkPreviewCrawlers(String userAgent) {
		assertThat(LinkPreviewBots.isBot(userAgent)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Version/18.0 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/131.0.0.0 Mobile Safari/537.36",
			"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
					+ "Mobile Safari/537.36",
			"Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
			"Mozilla/5.0 (Android 14; Mobile; rv:131.0) Gecko/131.0 Firefox/131.0",
			"Mozilla/5.0 (Linux; Android 11; CUBOT KINGKONG 5 Pro Build/RP1A.200720.011; wv) "
					+ "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 Snapchat/12.62.0.36 (like Safari/8617.1.17.10.5, panda)",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 [Pinterest/iOS]",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.34.104;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS]",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 Instagram 300.0.0.0 (iPhone14,5; iOS 17_0; en_US; en; scale=3.00)",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 Safari Line/13.17.0",
			"Mozilla/5.0 (Linux; Android 13; V2204 Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
					+ "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.40" })
	void letsShoppersPhonesAndInAppBrowsersThrough(String userAgent) {
		assertThat(LinkPreviewBots.isBot(userAgent)).isFalse();
	}

	@Test
	void treatsAMissingOrEmptyUserAgentAsAShopper() {
		assertThat(LinkPreviewBots.isBot(null)).isFalse();
		assertThat(LinkPreviewBots.isBot("")).isFalse();
	}

}
