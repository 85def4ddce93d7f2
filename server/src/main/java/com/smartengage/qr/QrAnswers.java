package com.smartengage.qr;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A placement's QR code as an HTTP answer, the same from the admin API and the dashboard:
 * 1024 pixels unless asked (big enough to print at A5), revalidated on every use (the
 * code follows the public URL, which may change), shown inline or, when asked, downloaded
 * as {@code qr-<slug>.png} or {@code .svg}.
 */
@Component
public class QrAnswers {

	/** The size when none is asked for, in pixels. */
	public static final int DEFAULT_SIZE = 1024;

	private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

	private final QrCodes qr;

	QrAnswers(QrCodes qr) {
		this.qr = qr;
	}

	/** The QR code of {@code scanUrl} as PNG, for the placement {@code slug}. */
	public ResponseEntity<byte[]> png(String scanUrl, String slug, Integer size, boolean download) {
		byte[] png = this.qr.png(scanUrl, size == null ? DEFAULT_SIZE : size);
		return answer(MediaType.IMAGE_PNG, "qr-" + slug + ".png", download).body(png);
	}

	/** The QR code of {@code scanUrl} as SVG, for the placement {@code slug}. */
	public ResponseEntity<String> svg(String scanUrl, String slug, Integer size, boolean download) {
		String svg = this.qr.svg(scanUrl, size == null ? DEFAULT_SIZE : size);
		return answer(SVG, "qr-" + slug + ".svg", download).body(svg);
	}

	private static ResponseEntity.BodyBuilder answer(MediaType type, String filename, boolean download) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(download ? "attachment" : "inline") + "; filename=\"" + filename + "\"");
	}

}
