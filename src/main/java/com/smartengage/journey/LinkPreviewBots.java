package com.smartengage.journey;

import java.util.regex.Pattern;

/**
 * Recognises the crawlers that fetch a link to draw its preview in a chat or a feed. Their visits
 * are not shoppers and must not become sessions.
 */
final class LinkPreviewBots {

	private static final Pattern BOTS = Pattern.compile(
			"facebookexternalhit|facebookcatalog|meta-externalagent|slackbot|slack-imgproxy|whatsapp|telegrambot"
					+ "|twitterbot|discordbot|linkedinbot|skypeuripreview|pinterest|redditbot|embedly|quora link preview"
					+ "|applebot|googlebot|bingbot|yandex|baiduspider|duckduckbot|vkshare|line-poker|kakaotalk-scrap"
					+ "|viber|snapchat|iframely|outbrain|mastodon|bitlybot|tumblr|nuzzel|w3c_validator|preview"
					+ "|bot\\b|crawler|spider",
			Pattern.CASE_INSENSITIVE);

	private LinkPreviewBots() {
	}

	static boolean isBot(String userAgent) {
		return userAgent != null && BOTS.matcher(userAgent).find();
	}

}
