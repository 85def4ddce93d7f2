package com.smartengage.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable QR codes of a placement, as the admin API serves them. */
@IntegrationTest
class PlacementQrIntegrationTests extends ServerTests {

	String slug;

	String scanUrl;

	@BeforeEach
	void setUp() {
		long partner = this.fixtures.partner("QR " + UUID.randomUUID());
		long campaign = this.fixtures.campaign(partner, 0);
		long screen = this.fixtures.screen("QR screen " + UUID.randomUUID());
		Http.Answer placement = this.http.post("/admin/api/campaigns/" + campaign + "/placements")
			.admin()
			.json("{\"screen_id\": " + screen + "}")
			.send();
		assertThat(placement.status()).isEqualTo(201);
		this.slug = placement.json().get("slug").asString();
		this.scanUrl = placement.json().get("scan_url").asString();
		assertThat(this.scanUrl).isEqualTo(this.http.base() + "/s/" + this.slug);
	}

	@Test
	void servesAPngThatDecodesToTheScanUrl() throws Exception {
		Http.Answer answer = this.http.get("/admin/api/placements/" + this.slug + "/qr.png?size=300").admin().send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.bytes()));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(image.getHeight()).isBetween(200, 300);
		assertThat(QrCodesTests.decode(image)).isEqualTo(this.scanUrl);
	}

	@Test
	void servesAPngOfTheDefaultSizeWhenNoneIsAsked() throws Exception {
		Http.Answer answer = this.http.get("/admin/api/placements/" + this.slug + "/qr.png")
			.admin()
			.header("Accept", "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5")
			.send();
		assertThat(answer.status()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.bytes()));
		assertThat(image.getWidth()).isBetween(800, 1024);
		// ZXing's detector misses some codes whose modules are 30 pixels wide, which no
		// camera sees; read it as a phone would, smaller.
		BufferedImage photo = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = photo.createGraphics();
		graphics.drawImage(image, 0, 0, 300, 300, null);
		graphics.dispose();
		assertThat(QrCodesTests.decode(photo)).isEqualTo(this.scanUrl);
	}

	@Test
	void servesAnSvgThatNamesTheScanUrlsSymbol() throws Exception {
		Http.Answer answer = this.http.get("/admin/api/placements/" + this.slug + "/qr.svg?size=300").admin().send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("image/svg+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element svg = factory.newDocumentBuilder()
			.parse(new InputSource(new StringReader(answer.body())))
			.getDocumentElement();
		assertThat(svg.getLocalName()).isEqualTo("svg");
		assertThat(svg.getAttribute("width")).isEqualTo("300");
		assertThat(answer.body()).isEqualTo(new QrCodes().svg(this.scanUrl, 300));
	}

	@Test
	void refusesSizesOutOfRange() {
		for (String size : new String[] { "10", "63", "2049", "-1" }) {
			for (String format : new String[] { "png", "svg" }) {
				Http.Answer answer = this.http.get(qrPath(format) + "?size=" + size).admin().send();
				assertThat(answer.status()).as(format + " " + size).isEqualTo(400);
				assertThat(answer.header("Content-Type")).startsWith("application/json");
				assertThat(answer.errorMsg()).isEqualTo("size must be between 64 and 2048 pixels, not " + size);
			}
		}
		Http.Answer notANumber = this.http.get(qrPath("png") + "?size=big").admin().send();
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.errorMsg()).isEqualTo("size must be a valid integer, not big");
	}

	@Test
	void refusesASizeOutOfRangeEvenWhenTheClientOnlyAcceptsImages() {
		Http.Answer answer = this.http.get("/admin/api/placements/" + this.slug + "/qr.png?size=10")
			.admin()
			.header("Accept", "image/png")
			.send();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("size must be between 64 and 2048 pixels, not 10");
	}

	@Test
	void answers404ForAnUnknownSlug() {
		for (String format : new String[] { "png", "svg" }) {
			Http.Answer answer = this.http.get("/admin/api/placements/NoSuchQr/qr." + format).admin().send();
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.errorMsg()).isEqualTo("No placement with slug NoSuchQr");
		}
	}

	@Test
	void requiresTheAdminToken() {
		Http.Answer answer = this.http.get("/admin/api/placements/" + this.slug + "/qr.png").send();
		assertThat(answer.status()).isEqualTo(401);
	}

	private String qrPath(String format) {
		return "/admin/api/placements/" + this.slug + "/qr." + format;
	}

}
