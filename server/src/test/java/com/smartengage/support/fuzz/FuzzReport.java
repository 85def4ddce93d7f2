package com.smartengage.support.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run sent, how the server answered, and every rule that broke. */
public final class FuzzReport {

	private final long seed;

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Integer> byKindAndStatus = new TreeMap<>();

	private final Map<String, Integer> containerRejections = new TreeMap<>();

	private final Map<String, String> containerExampleByReason = new TreeMap<>();

	int sent;

	int raw;

	int clientRefused;

	int logLines;

	/** A report on the run of this seed. */
	public FuzzReport(long seed) {
		this.seed = seed;
	}

	/** Counts the answer under its attack's kind and its status, as "update 400". */
	public void count(Attack attack, Reply reply) {
		this.byKindAndStatus.merge(attack.kind() + " " + reply.status(), 1, Integer::sum);
	}

	/** A broken rule, and where: the request and the answer that broke it. */
	public void problem(String rule, String where) {
		this.problems.add("  [" + rule + "] " + where);
	}

	void containerRejection(String reason, Attack attack, Reply reply) {
		this.containerRejections.merge(reason, 1, Integer::sum);
		this.containerExampleByReason.putIfAbsent(reason, "    " + reason + ": " + attack + "\n      -> " + reply);
	}

	/** Every broken rule, one line each with the request that reproduces it. */
	public List<String> problems() {
		return this.problems;
	}

	/** How many answers each kind of attack got with each status, as "update 400". */
	public Map<String, Integer> answersByKindAndStatus() {
		return this.byKindAndStatus;
	}

	public String summary(long millis) {
		return "Hostile input run (fuzz.seed=" + this.seed + "): " + this.sent + " requests in " + millis + " ms, "
				+ this.raw + " over a raw socket (" + this.clientRefused + " of them refused by java.net.http), "
				+ this.problems.size() + " problems, " + this.logLines + " log lines checked."
				+ "\n  answers by endpoint and status: " + this.byKindAndStatus
				+ "\n  refused by Tomcat before the application, without a JSON body: " + this.containerRejections
				+ (this.containerExampleByReason.isEmpty() ? ""
						: "\n" + String.join("\n", this.containerExampleByReason.values()));
	}

}
