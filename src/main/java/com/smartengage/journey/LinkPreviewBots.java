package com.smartengage.journey;

import java.util.regex.Pattern;

/**
 * Recognises the crawlers that fetch a link to draw its preview in a chat or a feed.
 * Their visits are not shoppers and must not become sessions.
 */
final class LinkPreviewBots {

	/**
	 * Named crawlers only: a loose pattern such as "bot" would also match phones (the
	 * CUBOT brand) and in-app browsers, and turn real shoppers away.
	 */
	private static final Pattern BOTS = Pattern
		.compile("facebookexternalhit|facebookcatalog|meta-externalagent|slackbot|slack-imgproxy|whatsapp/|telegrambot"
				+ "|twitterbot|discordbot|linkedinbot|skypeuripreview|redditbot|embedly|quora link preview"
				+ "|applebot|googlebot|google-inspectiontool|googleother|bingbot|yandexbot|baiduspider|duckduckbot"
				+ "|vkshare|iframely|mastodon/|bitlybot|pinterestbot|pinterest/0\\.|url preview service|petalbot|ahrefsbot|semrushbot|yahoo! slurp"
				+ "|line-poker|kakaotalk-scrap|bytespider|crawler|spider", Pattern.CASE_INSENSITIVE);

	private LinkPreviewBots() {
	}

	static boolean isBot(String userAgent) {
		return userAgent != null && BOTS.matcher(userAgent).find();
	}

}
