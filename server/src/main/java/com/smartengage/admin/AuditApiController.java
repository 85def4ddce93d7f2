package com.smartengage.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for the audit trail. */
@RestController
@Tag(name = "Admin: audit trail")
@SecurityRequirement(name = "admin")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/api/audit")
	@Operation(summary = "List admin actions, newest first",
			description = "Pass the smallest id of a page as before_id to get the next page.")
	List<AuditEvent> list(
			@Parameter(description = "1 to 1000, default 100") @RequestParam(defaultValue = "100") int limit,
			@Parameter(description = "only events with a smaller id") @RequestParam(name = "before_id",
					required = false) Long beforeId) {
		return this.audit.page(beforeId, limit);
	}

}
