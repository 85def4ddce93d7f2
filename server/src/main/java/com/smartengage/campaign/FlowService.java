package com.smartengage.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ConflictException;
import com.smartengage.common.web.NotFoundException;

/**
 * Journey flows: the built-in FILL_FORM and those operators define. Flows never change
 * once made.
 */
@Service
public class FlowService {

	/** Step names the server itself records; a flow may not use them. */
	static final Set<String> RESERVED = Set.of(Flow.SCANNED, Flow.COUPON_ISSUED, Flow.COUPON_REDEEMED);

	private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final int MAX_STEPS = 20;

	private final FlowRepository repository;

	private final Clock clock;

	private final Cache<Long, Flow> byId = Caffeine.newBuilder().maximumSize(1000).build();

	private final AuditLog audit;

	FlowService(FlowRepository repository, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.repository = repository;
		this.clock = clock;
	}

	/** A flow by id, from memory after the first time (flows are immutable). */
	public Flow get(long id) {
		return this.byId.get(id, (key) -> this.repository.findById(key)
			.orElseThrow(() -> new NotFoundException("No flow with id " + key)));
	}

	public Flow getByName(String name) {
		return find(name).orElseThrow(() -> new NotFoundException("No flow named " + Ids.echo(name)));
	}

	/** The flow a campaign refers to, or a 400 naming it. */
	Flow reference(String name) {
		return find(name).orElseThrow(() -> new BadRequestException(
				"flow " + Ids.echo(name) + " does not exist; create it first or use " + Flow.FILL_FORM));
	}

	/**
	 * A name that breaks the naming rule cannot exist, and is never sent to the database.
	 */
	private Optional<Flow> find(String name) {
		return (name == null || !NAME.matcher(name).matches()) ? Optional.empty() : this.repository.findByName(name);
	}

	public List<Flow> list() {
		return this.repository.findAll();
	}

	@Transactional
	public Flow create(String name, List<String> steps, List<String> failureSteps, String rewardStep) {
		checkName("name", name);
		if (steps == null || steps.isEmpty()) {
			throw new BadRequestException("steps must list at least one step");
		}
		List<String> failures = failureSteps == null ? List.of() : failureSteps;
		if (steps.size() + failures.size() > MAX_STEPS) {
			throw new BadRequestException("A flow has at most " + MAX_STEPS + " steps, failure steps included");
		}
		Set<String> seen = new HashSet<>();
		List<String> all = new ArrayList<>(steps);
		all.addAll(failures);
		for (String step : all) {
			checkName("step", step);
			if (RESERVED.contains(step)) {
				throw new BadRequestException("step " + step + " is reserved by the server; choose another name");
			}
			if (!seen.add(step)) {
				throw new BadRequestException("step " + step + " appears twice");
			}
		}
		String reward = (rewardStep == null || rewardStep.isBlank()) ? steps.get(steps.size() - 1) : rewardStep;
		if (!steps.contains(reward)) {
			throw new BadRequestException("reward_step " + Ids.echo(reward) + " must be one of the flow's steps");
		}
		try {
			long id = this.repository.insert(name, steps, failures, reward, this.clock.instant());
			this.audit.record("flow.created", "flow", id,
					"name " + name + ", steps " + String.join(",", all) + ", reward " + reward);
			return new Flow(id, name, List.copyOf(steps), List.copyOf(failures), reward, false);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A flow named " + name + " already exists");
		}
	}

	private static void checkName(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new BadRequestException(field + " is required");
		}
		if (!NAME.matcher(value).matches()) {
			throw new BadRequestException(field + " " + Ids.echo(value)
					+ " must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter");
		}
	}

}
