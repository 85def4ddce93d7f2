package com.smartengage.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import org.springframework.stereotype.Component;

import com.smartengage.common.web.BadRequestException;

/**
 * Renders QR codes as PNG and SVG, with the standard quiet zone of four modules around
 * the symbol, so that phones read them from a screen or a print.
 */
@Component
public class QrCodes {

	/** Quiet zone in modules, as ISO/IEC 18004 asks. */
	static final int QUIET_ZONE = 4;

	public static final int MIN_SIZE = 64;

	public static final int MAX_SIZE = 2048;

	public static final int DEFAULT_SIZE = 512;

	/**
	 * A PNG of {@code size} pixels square. Every module is a whole number of pixels, so
	 * the symbol stays sharp; the pixels left over widen the quiet zone.
	 */
	public byte[] png(String text, int size) {
		checkSize(size);
		ByteMatrix matrix = encode(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		int scale = Math.max(1, size / modules);
		int pixels = Math.max(size, modules * scale);
		int offset = (pixels - matrix.getWidth() * scale) / 2;
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, pixels, pixels);
			g.setColor(Color.BLACK);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y) == 1) {
						g.fillRect(offset + x * scale, offset + y * scale, scale, scale);
					}
				}
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** An SVG drawn {@code size} pixels square, scaling cleanly to any print size. */
	public String svg(String text, int size) {
		checkSize(size);
		ByteMatrix matrix = encode(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y) == 1) {
					int run = 1;
					while (x + run < matrix.getWidth() && matrix.get(x + run, y) == 1) {
						run++;
					}
					path.append('M')
						.append(x + QUIET_ZONE)
						.append(' ')
						.append(y + QUIET_ZONE)
						.append('h')
						.append(run)
						.append("v1h-")
						.append(run)
						.append('z');
					x += run - 1;
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 "
				+ modules + " " + modules + "\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" + "<path fill=\"#000\" d=\"" + path
				+ "\"/></svg>";
	}

	private static ByteMatrix encode(String text) {
		try {
			QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
			return code.getMatrix();
		}
		catch (WriterException ex) {
			throw new BadRequestException("Text is too long for a QR code");
		}
	}

	private static void checkSize(int size) {
		if (size < MIN_SIZE || size > MAX_SIZE) {
			throw new BadRequestException(
					"size must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, not " + size);
		}
	}

}
