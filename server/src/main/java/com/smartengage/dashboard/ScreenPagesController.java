package com.smartengage.dashboard;

import java.util.Comparator;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.common.web.ApiException;
import com.smartengage.screen.Screen;
import com.smartengage.screen.ScreenService;

/** Screens: where QR codes hang, and so where scans come from. */
@Hidden
@Controller
class ScreenPagesController {

	private final ScreenService screens;

	ScreenPagesController(ScreenService screens) {
		this.screens = screens;
	}

	@GetMapping("/dashboard/screens")
	String list(@RequestParam(required = false) Long created, Model model) {
		if (created != null) {
			model.addAttribute("notice", "Screen added. Show a campaign on it from the campaign's page.");
		}
		return page(model);
	}

	@PostMapping("/dashboard/screens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String location,
			Model model, HttpServletResponse response) {
		try {
			Screen screen = this.screens.create(name, location);
			return "redirect:/dashboard/screens?created=" + screen.id();
		}
		catch (ApiException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("location", location);
			return page(model);
		}
	}

	private String page(Model model) {
		model.addAttribute("nav", "screens");
		model.addAttribute("screens",
				this.screens.list().stream().sorted(Comparator.comparingLong(Screen::id).reversed()).toList());
		return "dashboard/screens";
	}

}
