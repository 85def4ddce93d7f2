package com.smartengage.coupon;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.smartengage.common.web.MessagePages;
import com.smartengage.qr.QrCodes;

/**
 * {@code GET /c/<token>}: the shopper's coupon, readable on a phone and scannable at the
 * till.
 */
@Controller
class CouponPageController {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final CouponService coupons;

	private final QrCodes qr;

	private final MessagePages pages;

	CouponPageController(CouponService coupons, QrCodes qr, MessagePages pages) {
		this.coupons = coupons;
		this.qr = qr;
		this.pages = pages;
	}

	@GetMapping("/c/{token}")
	Object page(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
		CouponPage coupon = this.coupons.page(token).orElse(null);
		if (coupon == null) {
			return this.pages.page(HttpStatus.NOT_FOUND, "Coupon not found",
					"This link does not lead to a coupon. Please check that you opened the whole link.");
		}
		model.addAttribute("coupon", coupon);
		model.addAttribute("qrSvg", this.qr.svg(coupon.code(), 220));
		model.addAttribute("expiresAt", SHOWN.format(coupon.expiresAt()));
		model.addAttribute("redeemedAt", coupon.redeemedAt() == null ? null : SHOWN.format(coupon.redeemedAt()));
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		return "coupon";
	}

}
