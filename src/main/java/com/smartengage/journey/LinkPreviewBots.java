package com.smartengage.journey;

import java.util.regex.Pattern;

/**
 * Recognises the crawlers that fetch a link to draw its preview in a chat or a feed. Their visits
 * are not shoppers and must not become sessions.
 */
final class LinkPreviewBots {

	/**
	 * Crawler names. In-app browsers that shoppers scan with (Snapchat, Pinterest) are not listed:
	 * only their crawlers are ("Pinterestbot", "Pinterest/0.x", Snap's "URL Preview Service; bot").
	 * The generic "bot" spares the phone brand CUBOT, whose model name appears in WebView agents.
	 */
	private static final Pattern BOTS = Pattern.compile(
			"facebookexternalhit|facebookcatalog|meta-externalagent|slackbot|slack-imgproxy|whatsapp|telegrambot"
					+ "|twitterbot|discordbot|linkedinbot|skypeuripreview|pinterestbot|pinterest/0\\.|redditbot"
					+ "|embedly|quora link preview"
					+ "|applebot|googlebot|bingbot|yandex|baiduspider|duckduckbot|vkshare|line-poker|kakaotalk-scrap"
					+ "|viber|iframely|outbrain|mastodon|bitlybot|tumblr|nuzzel|w3c_validator|preview"
					+ "|(?<!cu)bot\\b|crawler|spider",
			Pattern.CASE_INSENSITIVE);

	private LinkPreviewBots() {
	}

	static boolean isBot(String userAgent) {
		return userAgent != null && BOTS.matcher(userAgent).find();
	}

}
