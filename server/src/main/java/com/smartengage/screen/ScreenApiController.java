package com.smartengage.screen;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.BadRequestException;

/** Admin API for screens. */
@RestController
@Tag(name = "Admin: screens")
@SecurityRequirement(name = "admin")
class ScreenApiController {

	private final ScreenService screens;

	ScreenApiController(ScreenService screens) {
		this.screens = screens;
	}

	@PostMapping("/admin/api/screens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a screen")
	Screen create(@RequestBody(required = false) CreateScreen body) {
		if (body == null) {
			throw new BadRequestException("Request body must be a JSON object with a name");
		}
		return this.screens.create(body.name(), body.location());
	}

	@GetMapping("/admin/api/screens")
	@Operation(summary = "List screens")
	List<Screen> list() {
		return this.screens.list();
	}

	@GetMapping("/admin/api/screens/{id}")
	@Operation(summary = "Get a screen")
	Screen get(@PathVariable long id) {
		return this.screens.get(id);
	}

	record CreateScreen(String name, String location) {
	}

}
