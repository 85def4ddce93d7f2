package com.smartengage.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.smartengage.common.web.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** QR codes that phones can read: right text, quiet zone, sizes, well-formed SVG. */
class QrCodesTests {

	private static final String SCAN_URL = "https://engage.example.com/s/Ab3dEf7h";

	private final QrCodes qr = new QrCodes();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { SCAN_URL, "http://127.0.0.1:8080/s/zzzzzzzz", "7KQ2M9XH4C",
			"คูปองกาแฟ ☕ https://engage.example.com/c/x" })
	void pngDecodesToTheGivenText(String text) throws Exception {
		BufferedImage image = read(this.qr.png(text, 300));
		assertThat(decode(image)).isEqualTo(text);
	}

	@ParameterizedTest(name = "size {0}")
	@ValueSource(ints = { QrCodes.MIN_SIZE, 100, 300, QrCodes.DEFAULT_SIZE, 1000, QrCodes.MAX_SIZE })
	void pngIsExactlyTheAskedSizeWithWholePixelModulesAndDecodes(int size) throws Exception {
		BufferedImage image = read(this.qr.png(SCAN_URL, size));
		Symbol symbol = Symbol.of(image);
		int modules = symbol.modules() + 2 * QrCodes.QUIET_ZONE;
		assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(size);
		assertThat(symbol.modulePixels()).isEqualTo(Math.max(1, size / modules));
		// At one pixel a module (the smallest sizes) a reader needs the image shown
		// larger, as a screen
		// or a print would show it: enlarged without smoothing, it must read back.
		BufferedImage shown = (symbol.modulePixels() < 2) ? enlarge(image, 4) : image;
		assertThat(decode(shown)).isEqualTo(SCAN_URL);
	}

	@ParameterizedTest(name = "size {0}")
	@ValueSource(ints = { QrCodes.MIN_SIZE, 300, QrCodes.MAX_SIZE })
	void pngHasAQuietZoneOfAtLeastFourWhiteModulesOnEverySide(int size) throws Exception {
		BufferedImage image = read(this.qr.png(SCAN_URL, size));
		Symbol symbol = Symbol.of(image);
		double module = symbol.modulePixels();
		assertThat(symbol.left() / module).as("left").isGreaterThanOrEqualTo(4);
		assertThat(symbol.top() / module).as("top").isGreaterThanOrEqualTo(4);
		assertThat((image.getWidth() - 1 - symbol.right()) / module).as("right").isGreaterThanOrEqualTo(4);
		assertThat((image.getHeight() - 1 - symbol.bottom()) / module).as("bottom").isGreaterThanOrEqualTo(4);
	}

	@ParameterizedTest(name = "size {0}")
	@ValueSource(ints = { Integer.MIN_VALUE, -1, 0, 10, QrCodes.MIN_SIZE - 1, QrCodes.MAX_SIZE + 1, 100_000,
			Integer.MAX_VALUE })
	void refusesSizesOutOfRange(int size) {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.qr.png(SCAN_URL, size))
			.withMessage("size must be between 64 and 2048 pixels, not " + size);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.qr.svg(SCAN_URL, size))
			.withMessage("size must be between 64 and 2048 pixels, not " + size);
	}

	@Test
	void refusesTextTooLongForAQrCode() {
		String text = "x".repeat(5000);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.qr.png(text, 300));
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.qr.svg(text, 300));
	}

	@Test
	void svgIsWellFormedXmlWithAViewBoxThatHoldsTheQuietZone() throws Exception {
		String svg = this.qr.svg(SCAN_URL, 300);
		Element root = parse(svg).getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("width")).isEqualTo("300");
		assertThat(root.getAttribute("height")).isEqualTo("300");

		String[] viewBox = root.getAttribute("viewBox").split(" ");
		assertThat(viewBox).hasSize(4);
		assertThat(viewBox[0]).isEqualTo("0");
		assertThat(viewBox[1]).isEqualTo("0");
		assertThat(viewBox[2]).isEqualTo(viewBox[3]);
		int side = Integer.parseInt(viewBox[2]);

		List<int[]> runs = runs(root);
		int minX = runs.stream().mapToInt((r) -> r[0]).min().orElseThrow();
		int minY = runs.stream().mapToInt((r) -> r[1]).min().orElseThrow();
		int maxX = runs.stream().mapToInt((r) -> r[0] + r[2]).max().orElseThrow();
		int maxY = runs.stream().mapToInt((r) -> r[1] + 1).max().orElseThrow();
		assertThat(minX).as("left quiet zone").isGreaterThanOrEqualTo(4);
		assertThat(minY).as("top quiet zone").isGreaterThanOrEqualTo(4);
		assertThat(side - maxX).as("right quiet zone").isGreaterThanOrEqualTo(4);
		assertThat(side - maxY).as("bottom quiet zone").isGreaterThanOrEqualTo(4);
		// A QR symbol is 21 + 4k modules wide; with the quiet zone the view box is 8
		// more.
		assertThat((maxX - minX - 21) % 4).isZero();
		assertThat(maxX - minX).isEqualTo(maxY - minY).isEqualTo(side - 8);
	}

	@Test
	void svgDrawsTheSameSymbolThatDecodesToTheText() throws Exception {
		String text = "คูปอง https://engage.example.com/s/Ab3dEf7h?x=1&y=2";
		Element root = parse(this.qr.svg(text, 512)).getDocumentElement();
		int side = Integer.parseInt(root.getAttribute("viewBox").split(" ")[2]);
		int scale = 8;
		BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, 0xFFFFFF);
			}
		}
		for (int[] run : runs(root)) {
			for (int x = run[0] * scale; x < (run[0] + run[2]) * scale; x++) {
				for (int y = run[1] * scale; y < (run[1] + 1) * scale; y++) {
					image.setRGB(x, y, 0x000000);
				}
			}
		}
		assertThat(decode(image)).isEqualTo(text);
	}

	@Test
	void sameTextGivesTheSameImage() {
		assertThat(this.qr.png(SCAN_URL, 300)).isEqualTo(this.qr.png(SCAN_URL, 300));
		assertThat(this.qr.svg(SCAN_URL, 300)).isEqualTo(this.qr.svg(SCAN_URL, 300));
	}

	private static BufferedImage read(byte[] png) throws IOException {
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("a readable PNG").isNotNull();
		return image;
	}

	/** The image {@code factor} times larger, each pixel a block: no smoothing. */
	private static BufferedImage enlarge(BufferedImage image, int factor) {
		BufferedImage large = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
				BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < large.getHeight(); y++) {
			for (int x = 0; x < large.getWidth(); x++) {
				large.setRGB(x, y, image.getRGB(x / factor, y / factor));
			}
		}
		return large;
	}

	static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	/** The SVG path's horizontal runs of dark modules, as {x, y, length}. */
	private static List<int[]> runs(Element svg) {
		Element path = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
		assertThat(path).isNotNull();
		String d = path.getAttribute("d");
		assertThat(d).matches("(M\\d+ \\d+h(\\d+)v1h-\\2z)+");
		Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)").matcher(d);
		List<int[]> runs = new ArrayList<>();
		while (m.find()) {
			runs.add(new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)) });
		}
		assertThat(runs).isNotEmpty();
		return runs;
	}

	/**
	 * Where the dark modules of a rendered symbol are, in pixels, and how large a module
	 * is.
	 */
	record Symbol(int left, int top, int right, int bottom, int modulePixels) {

		int modules() {
			return (this.right - this.left + 1) / this.modulePixels;
		}

		static Symbol of(BufferedImage image) {
			int left = Integer.MAX_VALUE;
			int top = Integer.MAX_VALUE;
			int right = -1;
			int bottom = -1;
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					int rgb = image.getRGB(x, y) & 0xFFFFFF;
					if (rgb != 0xFFFFFF) {
						assertThat(rgb).as("pixels are black or white").isZero();
						left = Math.min(left, x);
						top = Math.min(top, y);
						right = Math.max(right, x);
						bottom = Math.max(bottom, y);
					}
				}
			}
			assertThat(right).as("some dark pixels").isNotNegative();
			// The top-left finder pattern's top edge is a run of 7 dark modules.
			int run = 0;
			while (left + run < image.getWidth() && (image.getRGB(left + run, top) & 0xFFFFFF) == 0) {
				run++;
			}
			assertThat(run % 7).as("finder pattern edge of 7 whole modules").isZero();
			return new Symbol(left, top, right, bottom, run / 7);
		}

	}

}
