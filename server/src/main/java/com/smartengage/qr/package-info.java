/**
 * QR images (PNG and SVG) of placements' scan URLs and coupon codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "QR codes")
package com.smartengage.qr;
