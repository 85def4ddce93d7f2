package com.smartengage.journey;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.MessagePages;

/**
 * {@code GET /s/<slug>}: the URL inside every QR code. A shopper's scan creates a session
 * and is sent on to the partner's form; link-preview bots and HEAD requests see the page
 * without starting anything. The decision is {@link Scans}'s; a running campaign's scans
 * usually get their 302 from {@link ScanFastPath}, which leaves every other outcome to
 * this controller.
 */
@RestController
@Tag(name = "Shopper pages")
class ScanController {

	static final String PATH = "/s/{slug}";

	static final String NO_STORE = CacheControl.noStore().getHeaderValue();

	private final Scans scans;

	private final MessagePages pages;

	ScanController(Scans scans, MessagePages pages) {
		this.scans = scans;
		this.pages = pages;
	}

	@RequestMapping(path = PATH, method = { RequestMethod.GET, RequestMethod.HEAD })
	@Operation(summary = "Scan a placement's QR code",
			description = "302 to the campaign's form with session_id added; bots and HEAD create no session.")
	@ApiResponse(responseCode = "302", description = "A new session; Location is the form URL with session_id")
	@ApiResponse(responseCode = "200", description = "A link-preview bot or a HEAD request: a page, no session")
	@ApiResponse(responseCode = "404", description = "No placement with that slug: a friendly page")
	@ApiResponse(responseCode = "410", description = "The campaign has ended: a friendly page")
	@ApiResponse(responseCode = "503", description = "The campaign has not started or is paused: a friendly page")
	ResponseEntity<?> scan(@PathVariable String slug, HttpServletRequest request) throws IOException {
		FastPathHandover.rethrowFailure(request);
		ScanOutcome outcome = FastPathHandover.decision(request, ScanOutcome.class);
		if (outcome == null) {
			outcome = this.scans.scan(slug, RequestMethod.HEAD.name().equals(request.getMethod()),
					request.getHeader(HttpHeaders.USER_AGENT));
		}
		if (outcome instanceof ScanOutcome.Redirect redirect) {
			return ResponseEntity.status(HttpStatus.FOUND)
				.header(HttpHeaders.LOCATION, redirect.location())
				.header(HttpHeaders.CACHE_CONTROL, NO_STORE)
				.build();
		}
		ScanOutcome.Page page = (ScanOutcome.Page) outcome;
		ResponseEntity<String> answer = this.pages.page(page.status(), page.title(), page.message());
		if (page.retryAfterSeconds() == null) {
			return answer;
		}
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(page.retryAfterSeconds()))
			.body(answer.getBody());
	}

}
