#!/usr/bin/env python3
"""The report of bench/run: reads what its wrk and pgbench runs left in the work directory's
out/ (wrk's BENCH_RESULT lines, pgbench's output, tps, average latency and per-transaction
logs, the CPU snapshot differences), writes results.json and prints the rounds, the medians
and the CPU table. Standard library only.

    run_report.py OUT_DIR --json PATH --rounds N --duration N --warmup N --commit C --jdk J
                  --database postgresql|h2 --startup-s S --java-options=OPTS --rss-kb N
                  [--startup-h2-s=S --startup-h2-cached-s=S --cache-kind=K] [--hikari-max=N]
                  [--jvm-flags=FLAGS] [--pg-settings=SETTINGS] [--durability=passed|failed]
                  [--webhooks send|outbox --webhooks-rounds "1 4 5 ..."]

With --webhooks, the rounds of --webhooks-rounds ran with webhooks and the others without: the
medians are taken over each kind of round apart and compared, and the webhook figures of each
wrk run with them (out/*.wh) are shown.

Values that may be empty or start with a dash go as --name=value; an empty one is the same
as leaving the option out.
"""

import argparse
import glob
import json
import os
import statistics

# The CPU snapshots are in clock ticks (/proc/<pid>/stat, /proc/stat).
TICK_US = 1e6 / os.sysconf("SC_CLK_TCK")


def wrk(out, name):
    path = os.path.join(out, name + ".txt")
    if not os.path.exists(path):
        return None
    for line in open(path):
        if line.startswith("BENCH_RESULT"):
            return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
    return None


def pg(out, name, ext="tps"):
    path = os.path.join(out, "pg_" + name + "." + ext)
    return float(open(path).read().strip()) if os.path.exists(path) else None


def cpu(out, name, count):
    """CPU per request (or transaction) in microseconds, and the machine's idle and stolen
    share, from a run's snapshot difference."""
    path = os.path.join(out, name + ".cpu")
    if not os.path.exists(path) or not count:
        return None
    server, pg, busy, idle, steal = (int(x) for x in open(path).read().split())
    total = busy + idle + steal
    return {
        "server_us": round(server * TICK_US / count),
        "postgres_us": round(pg * TICK_US / count),
        "other_us": round(max(0, busy - server - pg) * TICK_US / count),
        "idle_pct": round(100.0 * idle / total, 1) if total else None,
        "steal_pct": round(100.0 * steal / total, 1) if total else None,
    }


def pg_percentiles(out, name):
    """pgbench's p99 and p99.9 latency in ms, from its per-transaction logs (-l: the third
    field is the transaction's time in microseconds)."""
    times = []
    for path in glob.glob(os.path.join(out, "pglog_" + name + ".*")):
        for line in open(path):
            parts = line.split()
            if len(parts) >= 3:
                times.append(int(parts[2]))
    if not times:
        return None, None
    times.sort()
    pick = lambda q: round(times[min(len(times) - 1, int(q * len(times)))] / 1000.0, 2)
    return pick(0.99), pick(0.999)


def pg_transactions(out, name):
    path = os.path.join(out, "pg_" + name + ".txt")
    if not os.path.exists(path):
        return None
    for line in open(path):
        if line.startswith("number of transactions actually processed:"):
            return int(line.split(":")[1].split()[0])
    return None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def median_cpu(runs):
    runs = [x for x in runs if x]
    if not runs:
        return None
    return {k: median([x[k] for x in runs]) for k in runs[0]}


def endpoint_figures(out, rounds):
    """Each endpoint's rounds (those numbered in rounds) and their medians; None for an
    endpoint that did not run."""
    endpoints = {}
    for name in ("scan", "update_status", "engage", "get_session"):
        per_round = []
        for r in rounds:
            run = "%s_r%d" % (name, r)
            w = wrk(out, run)
            if w is None:
                continue
            tps = pg(out, run)
            pg_p99, pg_p999 = pg_percentiles(out, run)
            per_round.append({
                "round": r,
                "rps": round(w["rps"], 1),
                "p50_ms": round(w["p50_ms"], 2),
                "p99_ms": round(w["p99_ms"], 2),
                "p999_ms": round(w["p999_ms"], 2),
                "errors": int(w["bad_status"] + w["socket_errors"]),
                "exhausted": int(w["exhausted"]),
                "pgbench_tps": round(tps, 1) if tps else None,
                "pgbench_latency_avg_ms": pg(out, run, "lat"),
                "pgbench_p99_ms": pg_p99,
                "pgbench_p999_ms": pg_p999,
                "ratio": round(w["rps"] / tps, 3) if tps else None,
                "cpu_per_request": cpu(out, run, w["requests"]),
                "pgbench_cpu_per_transaction": cpu(out, "pg_" + run, pg_transactions(out, run)),
            })
        if not per_round:
            endpoints[name] = None
            continue
        m = lambda key: median([x[key] for x in per_round])
        endpoints[name] = {
            "rps": round(m("rps"), 1),
            "p50_ms": round(m("p50_ms"), 2),
            "p99_ms": round(m("p99_ms"), 2),
            "p999_ms": round(m("p999_ms"), 2),
            "errors": sum(x["errors"] for x in per_round),
            "pgbench_tps": round(m("pgbench_tps"), 1) if m("pgbench_tps") else None,
            "pgbench_latency_avg_ms": m("pgbench_latency_avg_ms"),
            "pgbench_p99_ms": m("pgbench_p99_ms"),
            "pgbench_p999_ms": m("pgbench_p999_ms"),
            "ratio": round(m("ratio"), 3) if m("ratio") else None,
            "cpu_per_request": median_cpu([x["cpu_per_request"] for x in per_round]),
            "pgbench_cpu_per_transaction": median_cpu([x["pgbench_cpu_per_transaction"] for x in per_round]),
            "rounds": per_round,
        }
    return endpoints


def webhook_figures(out, rounds):
    """What each wrk run with webhooks queued and left to send (out/<run>.wh), by endpoint."""
    figures = {}
    for name in ("scan", "update_status", "engage"):
        runs = []
        for r in rounds:
            path = os.path.join(out, "%s_r%d.wh" % (name, r))
            w = wrk(out, "%s_r%d" % (name, r))
            if not os.path.exists(path) or w is None:
                continue
            f = dict(kv.split("=") for kv in open(path).read().split())
            drain = float(f["drain_s"]) if f["drain_s"] != "nan" else None
            runs.append({
                "round": r,
                "queued": int(f["queued"]),
                "per_answer": round(int(f["queued"]) / w["ok"], 3) if w["ok"] else None,
                "backlog_before": int(f["backlog_before"]),
                "backlog_after": int(f["backlog_after"]),
                "drain_s": drain,
            })
        figures[name] = runs or None
    return figures


FMT = "%-16s %8s %7s %7s %8s %6s %11s %9s %9s %6s"
HEADER = FMT % ("endpoint", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "pgbench tps", "pg avg ms",
                "pg p99 ms", "ratio")


def opt(value, fmt):
    return (fmt % value) if value is not None else "-"


def row(name, e):
    if e is None:
        return FMT % (name, "-", "-", "-", "-", "-", "-", "-", "-", "-")
    return FMT % (name, "%.0f" % e["rps"], "%.1f" % e["p50_ms"], "%.1f" % e["p99_ms"], "%.1f" % e["p999_ms"],
                  e["errors"], opt(e["pgbench_tps"], "%.0f"), opt(e["pgbench_latency_avg_ms"], "%.1f"),
                  opt(e["pgbench_p99_ms"], "%.1f"), opt(e["ratio"], "%.2f"))


def print_medians(endpoints):
    print(HEADER)
    for name, e in endpoints.items():
        print(row(name, e))
    print("(each column is its own median over the rounds; the ratio is the median of the rounds' ratios; errors are summed)")


def print_cpu(endpoints, title):
    if not any(e and e["cpu_per_request"] for e in endpoints.values()):
        return
    print("\n== Where the CPU went%s: microseconds of CPU per request (wrk) and per transaction (pgbench), medians" % title)
    cfmt = "%-14s %11s %11s %11s %7s %7s   %11s %11s %7s"
    print(cfmt % ("endpoint", "server us", "postgres us", "other us", "idle %", "steal %",
                  "pg: postgres", "pg: other", "idle %"))
    for name, e in endpoints.items():
        if not e or not e["cpu_per_request"]:
            continue
        c, p = e["cpu_per_request"], e["pgbench_cpu_per_transaction"] or {}
        print(cfmt % (name, c["server_us"], c["postgres_us"], c["other_us"], opt(c["idle_pct"], "%.1f"),
                      opt(c["steal_pct"], "%.1f"), opt(p.get("postgres_us"), "%d"), opt(p.get("other_us"), "%d"),
                      opt(p.get("idle_pct"), "%.1f")))
    print("(server: the JVM's user and system time; postgres: every PostgreSQL process; other: the rest of the"
          " machine's busy time, mostly wrk or pgbench and the kernel; idle and steal: shares of the machine's time)")


def print_comparison(without, with_):
    """Each endpoint's medians without and with webhooks, and the rounds' ratios (their
    spread is the noise to read the change against)."""
    print("\n== Without and with webhooks: medians, and each round's ratio")
    cfmt = "%-14s %8s %8s %7s %9s %9s %9s %9s  %-18s %-18s"
    print(cfmt % ("endpoint", "ratio -", "ratio +", "change", "req/s -", "req/s +", "pg tps -", "pg tps +",
                  "rounds' ratios -", "rounds' ratios +"))
    for name in without:
        a, b = without[name], with_.get(name)
        if a is None or b is None:
            continue
        ratios = lambda e: " ".join(opt(x["ratio"], "%.2f") for x in e["rounds"])
        change = "%+.0f%%" % (100.0 * (b["ratio"] / a["ratio"] - 1)) if a["ratio"] and b["ratio"] else "-"
        print(cfmt % (name, opt(a["ratio"], "%.2f"), opt(b["ratio"], "%.2f"), change, "%.0f" % a["rps"],
                      "%.0f" % b["rps"], opt(a["pgbench_tps"], "%.0f"), opt(b["pgbench_tps"], "%.0f"), ratios(a),
                      ratios(b)))
    print("(-: rounds without webhooks, +: rounds with; change: of the median ratio. get_session writes nothing"
          " and sends nothing; it shows the noise between the two kinds of round)")


def print_deliveries(figures, mode):
    print("\n== Webhooks in the wrk runs with them (%s)" % ("sent to the receiver" if mode == "send"
                                                        else "outbox only: the server does not send"))
    dfmt = "%-18s %9s %11s %15s %15s %10s"
    print(dfmt % ("run", "queued", "per answer", "left before", "left after", "sent in s"))
    for name, runs in figures.items():
        for x in runs or []:
            sent = mode == "send"
            print(dfmt % ("%s r%d" % (name, x["round"]), x["queued"], opt(x["per_answer"], "%.3f"),
                          x["backlog_before"] if sent else "-", x["backlog_after"] if sent else "-",
                          opt(x["drain_s"], "%.1f")))
    if mode == "send":
        print("(queued: deliveries the run wrote, one per answered request and maybe a few in flight; left before and"
              " after: deliveries not yet sent when wrk started and stopped; sent in: seconds after wrk stopped until"
              " the last was sent)")


def print_report(args, result):
    endpoints = result["endpoints"]
    rounds = args.rounds
    webhooks = result.get("webhooks")
    with_rounds = set(webhooks["rounds_with"]) if webhooks else set()
    everything = dict(endpoints)
    if webhooks:
        for name, e in webhooks["endpoints"].items():
            if e is not None:
                everything[name] = dict(e, rounds=sorted((everything[name] or {"rounds": []})["rounds"] + e["rounds"],
                                                         key=lambda x: x["round"]))

    print("\n== Rounds (each endpoint's wrk run, then its pgbench run%s)" %
          ("; + marks the rounds with webhooks" if webhooks else ""))
    print(HEADER)
    for r in range(1, rounds + 1):
        for name, e in everything.items():
            for x in (e or {"rounds": []})["rounds"]:
                if x["round"] == r:
                    print(row("%s r%d%s" % (name, r, " +" if r in with_rounds else ""), x))

    kinds = [("", endpoints)] if not webhooks else [(" without webhooks", endpoints),
                                                   (" with webhooks", webhooks["endpoints"])]
    per_kind = rounds // len(kinds)
    for title, figures in kinds:
        print("\n== Results%s: medians of %d rounds (%s, %s s per run, %s s warm-up first, 32 connections, 2 threads)" %
              (title, per_kind, result["database"], args.duration, args.warmup))
        if not title or title == " without webhooks":
            print("commit %s, %s, java options %s, startup %.2f s (%s), peak RSS %d MB" %
                  (result["commit"], result["jdk"], result["java_options"] or "none", result["startup_s"],
                   result["database"], result["rss_mb"]))
            if result["startup_h2_s"] is not None:
                print("startup on H2, medians: %.2f s from the jar, %.2f s from the extracted jar + %s" %
                      (result["startup_h2_s"], result["startup_h2_cached_s"], args.cache_kind))
        print_medians(figures)
    if webhooks:
        print_comparison(endpoints, webhooks["endpoints"])
    for title, figures in kinds:
        print_cpu(figures, title)
    if webhooks:
        print_deliveries(webhooks["deliveries"], webhooks["mode"])

    for name, e in everything.items():
        if e and any(x["exhausted"] for x in e["rounds"]):
            print("WARNING: %s ran out of session ids: requests repeated ids (counted as errors)" % name)
    print("JVM: %s; Hikari maximum-pool-size %s" % (args.jvm_flags.strip() or "?", args.hikari_max or "?"))
    if args.pg_settings:
        print("PostgreSQL: " + args.pg_settings)
    if args.durability:
        print("durability check: " + ("passed" if args.durability == "passed" else "FAILED"))
    print("written: " + args.json)


def main():
    optional_float = lambda v: float(v) if v else None
    parser = argparse.ArgumentParser(description="The report of bench/run.")
    parser.add_argument("out", help="the out/ directory of bench/run's work directory")
    parser.add_argument("--json", required=True, help="where results.json goes")
    parser.add_argument("--rounds", type=int, required=True, help="all rounds, with and without webhooks")
    parser.add_argument("--duration", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--jdk", required=True)
    parser.add_argument("--database", required=True, choices=("postgresql", "h2"))
    parser.add_argument("--startup-s", type=float, required=True)
    parser.add_argument("--startup-h2-s", type=optional_float, default=None, help="empty: not measured")
    parser.add_argument("--startup-h2-cached-s", type=optional_float, default=None)
    parser.add_argument("--cache-kind", default="", help="AOT cache or CDS archive")
    parser.add_argument("--java-options", required=True)
    parser.add_argument("--rss-kb", type=int, required=True)
    parser.add_argument("--hikari-max", default="")
    parser.add_argument("--jvm-flags", default="")
    parser.add_argument("--pg-settings", default="")
    parser.add_argument("--durability", default="", choices=("", "passed", "failed"), help="empty: no check (H2)")
    parser.add_argument("--webhooks", default="", choices=("", "send", "outbox"),
                        help="some rounds ran with webhooks (sent, or the outbox only), the others without")
    parser.add_argument("--webhooks-rounds", default="", help="the rounds with webhooks, e.g. \"1 4 5 8\"")
    args = parser.parse_args()

    all_rounds = list(range(1, args.rounds + 1))
    with_rounds = [int(r) for r in args.webhooks_rounds.split()] if args.webhooks else []
    without_rounds = [r for r in all_rounds if r not in with_rounds]
    result = {
        "commit": args.commit,
        "jdk": args.jdk,
        "database": args.database,
        "startup_s": args.startup_s,
        "startup_h2_s": args.startup_h2_s,
        "startup_h2_cached_s": args.startup_h2_cached_s,
        "java_options": args.java_options,
        "rss_mb": round(args.rss_kb / 1024),
        "rounds": len(without_rounds),
        "endpoints": endpoint_figures(args.out, without_rounds),
    }
    if args.webhooks:
        result["webhooks"] = {
            "mode": args.webhooks,
            "rounds_with": with_rounds,
            "rounds_without": without_rounds,
            "endpoints": endpoint_figures(args.out, with_rounds),
            "deliveries": webhook_figures(args.out, with_rounds),
        }
    with open(args.json, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print_report(args, result)


if __name__ == "__main__":
    main()
