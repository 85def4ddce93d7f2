package com.smartengage.common.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which request paths answer in JSON (APIs) rather than HTML (shopper and operator
 * pages).
 */
public final class ApiPaths {

	/** The partner API, authenticated by the API-KEY header. */
	public static final String PARTNER_PREFIX = "/smart-engage/";

	/** The admin API, authenticated by the admin bearer token. */
	public static final String ADMIN_PREFIX = "/admin/api/";

	/** The operator dashboard's pages, authenticated by an operator session. */
	public static final String DASHBOARD = "/dashboard";

	/** The dashboard's JSON and event-stream routes, called by its pages' scripts. */
	public static final String DASHBOARD_API_PREFIX = "/dashboard/api/";

	private ApiPaths() {
	}

	/**
	 * The path the request is routed by: decoded, normalized, without path parameters
	 * ({@code ;x=1}) and without the context path. Every check of which part of the
	 * server a request is for must use this, never the raw request URI, which
	 * {@code /admin;x/api/..} or {@code /%61dmin/api/..} would slip past while Spring MVC
	 * still routes them.
	 */
	public static String of(HttpServletRequest request) {
		String servletPath = request.getServletPath();
		String pathInfo = request.getPathInfo();
		if (pathInfo == null) {
			// The usual case (one servlet at "/"): no new string on every filter's check.
			return servletPath == null ? "" : servletPath;
		}
		return (servletPath == null ? "" : servletPath) + pathInfo;
	}

	public static boolean isJson(String path) {
		return path != null && (path.startsWith(PARTNER_PREFIX) || path.startsWith(ADMIN_PREFIX)
				|| path.equals("/admin/api") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")
				|| path.startsWith(DASHBOARD_API_PREFIX));
	}

	/** Whether the path belongs to the operator dashboard ({@code /dashboard/**}). */
	public static boolean isDashboard(String path) {
		return path != null && (path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/"));
	}

}
