package com.smartengage.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.common.web.ApiException;

/** Journey flows: the built-in FILL_FORM and the operator's own. */
@Hidden
@Controller
class FlowPagesController {

	private final FlowService flows;

	FlowPagesController(FlowService flows) {
		this.flows = flows;
	}

	@GetMapping("/dashboard/flows")
	String list(@RequestParam(required = false) String created, Model model) {
		if (created != null) {
			model.addAttribute("notice", "Flow created. Choose it when you create a campaign.");
		}
		return page(model);
	}

	@PostMapping("/dashboard/flows")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String steps,
			@RequestParam(name = "failure_steps", required = false) String failureSteps,
			@RequestParam(name = "reward_step", required = false) String rewardStep, Model model,
			HttpServletResponse response) {
		try {
			Flow flow = this.flows.create(upper(name), names(steps), names(failureSteps), upper(rewardStep));
			return "redirect:/dashboard/flows?created=" + flow.name();
		}
		catch (ApiException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("steps", steps);
			model.addAttribute("failureSteps", failureSteps);
			model.addAttribute("rewardStep", rewardStep);
			return page(model);
		}
	}

	private String page(Model model) {
		model.addAttribute("nav", "flows");
		model.addAttribute("flows", this.flows.list());
		return "dashboard/flows";
	}

	/** Step names, one a line or separated by commas, as the API's upper-case names. */
	static List<String> names(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\r\\n]+"))
			.map(FlowPagesController::upper)
			.filter((s) -> !s.isEmpty())
			.toList();
	}

	private static String upper(String text) {
		return text == null ? null : text.strip().replace(' ', '_').toUpperCase(Locale.ROOT);
	}

}
