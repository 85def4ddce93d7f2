package com.smartengage.partner;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.BadRequestException;

/** Admin API for partners and their API keys. */
@RestController
@Tag(name = "Admin: partners and API keys")
@SecurityRequirement(name = "admin")
class PartnerApiController {

	private final PartnerService partners;

	private final ApiKeyService keys;

	PartnerApiController(PartnerService partners, ApiKeyService keys) {
		this.partners = partners;
		this.keys = keys;
	}

	@PostMapping("/admin/api/partners")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a partner")
	Partner create(@RequestBody(required = false) CreatePartner body) {
		if (body == null) {
			throw new BadRequestException("Request body must be a JSON object with a name");
		}
		return this.partners.create(body.name());
	}

	@GetMapping("/admin/api/partners")
	@Operation(summary = "List partners")
	List<Partner> list() {
		return this.partners.list();
	}

	@GetMapping("/admin/api/partners/{id}")
	@Operation(summary = "Get a partner")
	Partner get(@PathVariable long id) {
		return this.partners.get(id);
	}

	@PostMapping("/admin/api/partners/{id}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key",
			description = "The answer holds the key; it is never shown again. Optional body {\"mode\": \"test\"} "
					+ "for a test key (se_test_...), whose calls see sandbox sessions only; the default is live.")
	CreatedApiKey createKey(@PathVariable long id, @RequestBody(required = false) CreateKey body) {
		return this.keys.create(id, Mode.parse("mode", body == null ? null : body.mode()));
	}

	@GetMapping("/admin/api/partners/{id}/api-keys")
	@Operation(summary = "List a partner's API keys", description = "Only the first characters of each key.")
	List<ApiKeyView> listKeys(@PathVariable long id) {
		return this.keys.list(id);
	}

	@GetMapping("/admin/api/api-keys/{id}")
	@Operation(summary = "Get an API key", description = "Only the first characters of the key.")
	ApiKeyView getKey(@PathVariable long id) {
		return this.keys.get(id);
	}

	@DeleteMapping("/admin/api/api-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key", description = "The key stops working at once.")
	void revoke(@PathVariable long id) {
		this.keys.revoke(id);
	}

	record CreatePartner(String name) {
	}

	/**
	 * The optional body of a new key.
	 *
	 * @param mode {@code live} (the default) or {@code test}
	 */
	record CreateKey(String mode) {
	}

}
