#!/usr/bin/env python3
"""The measuring half of bench/webhooks (which starts the database, the receiver and the
server, and seeds them): how many webhook deliveries a second one server sustains to a
receiver on 127.0.0.1, and how the scan fares while a big backlog drains. Standard library
only; psql and wrk are run as programs.

    webhooks.py --db NAME --base URL --receiver URL --server-pid PID --receiver-pid PID
                --endpoints "ID ..." --slug SLUG --bench-dir DIR [--backlog N] [--rounds N]
                [--warmup-backlog N] [--drain-backlog N] [--duration N] [--scan-rounds N]
                [--skip-throughput] [--skip-drain] [--json PATH]

Backlogs are inserted in SQL in one transaction each, in the shape the server writes them: a
webhook_delivery row (pending, no attempt yet) and its db-scheduler task (task_name
'webhook-delivery', task_instance the delivery's id, due now, picked false, version 1; see
WebhookOutbox and DeliveryQueue). They appear to the server at once, on commit; it finds them
at its next poll (smart-engage.webhooks.polling-interval). The deliveries go round-robin to the
endpoints given.
"""

import argparse
import json
import os
import statistics
import subprocess
import time
import urllib.request

TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")
TASK = "webhook-delivery"
# The tables whose row and index counters are read around each drain.
TABLES = ("scheduled_tasks", "webhook_delivery", "webhook_attempt", "webhook_endpoint")

BACKLOG_SQL = """
BEGIN;
CREATE TEMP TABLE bench_new ON COMMIT DROP AS
WITH made AS (
    INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_type, payload, state, attempts,
        next_attempt_at, created_at)
    SELECT ('{%(endpoints)s}'::bigint[])[1 + g %% %(count)d],
        '%(tag)s' || left(md5(random()::text || g), 22 - length('%(tag)s') + 4),
        'session.status_changed',
        '{"type":"session.status_changed","timestamp":"' || t.at || '","data":{"session_id":"'
        || gen_random_uuid() || '","campaign_id":1,"screen_id":1,"status":"FORM_SUBMITTED",'
        || '"previous_status":"SCANNED","changed_at":"' || t.at || '"}}',
        'pending', 0, now(), now()
    FROM generate_series(1, %(n)d) g,
        (SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at) t
    RETURNING id)
SELECT id FROM made;
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
SELECT '%(task)s', id::text, NULL, now(), FALSE, 1 FROM bench_new;
COMMIT;
"""


def psql(db, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-X", "-q", "-At",
                          "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def receiver(url, reset=False):
    with urllib.request.urlopen(url + "/stats" + ("?reset=1" if reset else ""), timeout=10) as answer:
        return json.load(answer)


def ticks(pid, children=False):
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # utime and stime are fields 14 and 15 of the file, 12 and 13 after the name; cutime and
    # cstime (reaped children) follow.
    return int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)


def postgres_ticks():
    """CPU of every PostgreSQL process, and of the exited backends its postmaster reaped."""
    total, oldest = 0, None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if open("/proc/%s/comm" % entry).read().strip() != "postgres":
                continue
            started = int(open("/proc/%s/stat" % entry).read().rsplit(")", 1)[1].split()[19])
        except OSError:
            continue
        total += ticks(int(entry))
        if oldest is None or started < oldest[0]:
            oldest = (started, int(entry))
    if oldest:
        total += ticks(oldest[1], children=True) - ticks(oldest[1])
    return total


def machine_ticks():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return {"busy": f[0] + f[1] + f[2] + f[5] + f[6], "idle": f[3] + f[4], "steal": f[7]}


class Snapshot:
    """CPU so far (server, PostgreSQL, receiver, machine) and the database's counters."""

    def __init__(self, args):
        self.at = time.time()
        self.server = ticks(args.server_pid)
        self.receiver = ticks(args.receiver_pid)
        self.postgres = postgres_ticks()
        self.machine = machine_ticks()
        row = psql(args.db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        self.commits = int(row)
        self.tables = {}
        for line in psql(args.db, "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), seq_scan"
                                  " FROM pg_stat_user_tables WHERE relname IN (%s)" %
                         ", ".join("'%s'" % t for t in TABLES)).splitlines():
            name, *values = line.split("|")
            self.tables[name] = [int(v) for v in values]


def settled_snapshot(args, before, n):
    """A snapshot (for its database counters) once the database's counters show the n task deletes of the deliveries
    since before (each delivered task is deleted once). A backend reports its counters to
    pg_stat at most once a second, and when it goes idle only some seconds later; at most 15 s."""
    deadline = time.time() + 15
    while True:
        after = Snapshot(args)
        deleted = after.tables.get("scheduled_tasks", [0] * 5)[2] - before.tables.get("scheduled_tasks", [0] * 5)[2]
        if deleted >= n or time.time() > deadline:
            return after
        time.sleep(0.5)


def cpu_figures(before, after, count):
    """CPU per item in microseconds, and the machine's idle share."""
    per = lambda t: round(t * TICK_S * 1e6 / count) if count else None
    busy = after.machine["busy"] - before.machine["busy"]
    idle = after.machine["idle"] - before.machine["idle"]
    steal = after.machine["steal"] - before.machine["steal"]
    server, pg, rec = after.server - before.server, after.postgres - before.postgres, after.receiver - before.receiver
    total = busy + idle + steal
    return {
        "server_us": per(server), "postgres_us": per(pg), "receiver_us": per(rec),
        "other_us": per(max(0, busy - server - pg - rec)),
        "idle_pct": round(100.0 * idle / total, 1) if total else None,
        "steal_pct": round(100.0 * steal / total, 1) if total else None,
        "receiver_core_pct": round(100.0 * rec * TICK_S / (after.at - before.at), 1),
    }


def db_figures(before, after, count):
    """The database's work per delivery, from its cumulative counters."""
    if not count:
        return None
    d = lambda table, i: (after.tables.get(table, [0] * 5)[i] - before.tables.get(table, [0] * 5)[i]) / count
    return {
        "commits": round((after.commits - before.commits) / count, 2),
        "tasks_updated": round(d("scheduled_tasks", 1), 2),
        "tasks_deleted": round(d("scheduled_tasks", 2), 2),
        "tasks_index_scans": round(d("scheduled_tasks", 3), 2),
        "deliveries_updated": round(d("webhook_delivery", 1), 2),
        "attempts_inserted": round(d("webhook_attempt", 0), 2),
        "endpoint_index_scans": round(d("webhook_endpoint", 3), 2),
    }


def insert_backlog(args, n, tag):
    """Inserts n deliveries and their tasks in one transaction; answers the time it committed."""
    sql = BACKLOG_SQL % {"endpoints": ",".join(args.endpoints), "count": len(args.endpoints), "tag": tag, "n": n,
                         "task": TASK}
    started = time.time()
    subprocess.run(["psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-d", args.db], input=sql, check=True, capture_output=True, text=True)
    committed = time.time()
    return started, committed


def due_tasks(args):
    return int(psql(args.db, "SELECT count(*) FROM scheduled_tasks WHERE task_name = '%s'" % TASK))


def wait_delivered(args, n, committed, timeout, quiet=False):
    """Waits until the receiver has n requests and no delivery task is left; answers the
    seconds waited, or None on timeout."""
    next_note = 10.0
    while True:
        waited = time.time() - committed
        got = receiver(args.receiver)["received"]
        if got >= n and due_tasks(args) == 0:
            return waited
        if waited > timeout:
            print("  gave up after %.0f s: %d of %d delivered" % (waited, got, n))
            return None
        if not quiet and waited >= next_note:
            print("  %5.0f s: %d of %d at the receiver" % (waited, got, n))
            next_note += 10.0
        time.sleep(0.5)


def attempt_times(args, tag):
    """Start times (seconds since the epoch) of the attempts of the deliveries tagged so,
    sorted; and the deliveries that are not delivered or took more than one attempt."""
    times = [float(x) for x in psql(args.db, """
        SELECT extract(epoch FROM a.attempted_at) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
        WHERE starts_with(d.webhook_id, '%s') ORDER BY 1""" % tag).split()]
    bad = psql(args.db, """
        SELECT count(*) FILTER (WHERE state <> 'delivered'), count(*) FILTER (WHERE attempts > 1)
        FROM webhook_delivery WHERE starts_with(webhook_id, '%s')""" % tag).split("|")
    return times, int(bad[0]), int(bad[1])


def rates(times, stats, committed):
    """Deliveries a second: over the middle 80 % of the attempts (10th to 90th percentile of
    their start times, without the start and the tail), over all of them, and the receiver's
    counts of each whole second between its first and last request."""
    n = len(times)
    lo, hi = times[int(0.1 * (n - 1))], times[int(0.9 * (n - 1))]
    middle = (int(0.9 * (n - 1)) - int(0.1 * (n - 1))) / (hi - lo) if hi > lo else None
    seconds = sorted((int(k), v) for k, v in stats["per_second"].items())
    whole = [v for k, v in seconds[1:-1]]
    return {
        "sustained_per_s": round(middle) if middle else None,
        "overall_per_s": round(n / (times[-1] - times[0])) if n > 1 and times[-1] > times[0] else None,
        "per_second_median": statistics.median(whole) if whole else None,
        "per_second_min": min(whole) if whole else None,
        "per_second_max": max(whole) if whole else None,
        "first_attempt_after_s": round(times[0] - committed, 2) if n else None,
        "last_attempt_after_s": round(times[-1] - committed, 2) if n else None,
    }


def throughput_round(args, label, n, quiet=False):
    receiver(args.receiver, reset=True)
    tag = "msg_%s_" % label
    before = Snapshot(args)
    started, committed = insert_backlog(args, n, tag)
    waited = wait_delivered(args, n, committed, timeout=max(120.0, n / 20.0), quiet=quiet)
    after = Snapshot(args)
    settled = settled_snapshot(args, before, n)
    stats = receiver(args.receiver)
    times, undelivered, retried = attempt_times(args, tag)
    result = {
        "label": label, "deliveries": n, "insert_s": round(committed - started, 2),
        "drained_s": round(waited, 2) if waited is not None else None,
        "received": stats["received"], "duplicates": stats["duplicates"],
        "undelivered": undelivered, "retried": retried,
    }
    result.update(rates(times, stats, committed) if times else {})
    # CPU and counters cover the insert as well: a small share, the insert is one statement.
    result["cpu_per_delivery"] = cpu_figures(before, after, n)
    result["db_per_delivery"] = db_figures(before, settled, n)
    return result


def print_throughput(rounds):
    fmt = "%-8s %8s %10s %10s %9s %9s %9s %8s %8s %6s %6s"
    print(fmt % ("round", "backlog", "sustained", "overall", "sec med", "sec min", "first s", "drain s", "received",
                 "dupl", "bad"))
    for r in rounds:
        print(fmt % (r["label"], r["deliveries"], r.get("sustained_per_s"), r.get("overall_per_s"),
                     r.get("per_second_median"), r.get("per_second_min"), r.get("first_attempt_after_s"),
                     r["drained_s"], r["received"], r["duplicates"], r["undelivered"] + r["retried"]))
    print()
    cfmt = "%-8s %9s %11s %11s %8s %7s %11s"
    print("CPU per delivery in microseconds; the receiver's share of one core; the machine's idle time")
    print(cfmt % ("round", "server us", "postgres us", "receiver us", "other us", "idle %", "receiver %"))
    for r in rounds:
        c = r["cpu_per_delivery"]
        print(cfmt % (r["label"], c["server_us"], c["postgres_us"], c["receiver_us"], c["other_us"], c["idle_pct"],
                      c["receiver_core_pct"]))
    print()
    dfmt = "%-8s %8s %12s %12s %12s %12s %12s %12s"
    print("The database's work per delivery (pg_stat counters; commits include each statement run outside a"
          " transaction)")
    print(dfmt % ("round", "commits", "task upd", "task del", "task idx", "delivery upd", "attempt ins",
                  "endpoint idx"))
    for r in rounds:
        d = r["db_per_delivery"]
        print(dfmt % (r["label"], d["commits"], d["tasks_updated"], d["tasks_deleted"], d["tasks_index_scans"],
                      d["deliveries_updated"], d["attempts_inserted"], d["endpoint_index_scans"]))


def run_wrk(args, name, seconds):
    env = dict(os.environ, BENCH_DIR=args.bench_dir, BENCH_THREADS="2", BENCH_EXPECT="302")
    out = subprocess.run(["wrk", "-t", "2", "-c", "32", "-d", "%ds" % seconds, "--latency",
                          "-s", os.path.join(args.bench_dir, "scan.lua"), "-H", "User-Agent: " + args.phone_ua,
                          args.base + "/s/" + args.slug], env=env, capture_output=True, text=True,
                         timeout=seconds + 60)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_RESULT"):
            result = {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
            result["name"] = name
            return result
    raise SystemExit("no result from wrk (%s):\n%s%s" % (name, out.stdout, out.stderr))


def scan_line(r, extra=""):
    errors = int(r["bad_status"] + r["socket_errors"])
    return "  %-14s %7.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%s" % (
        r["name"], r["rps"], r["p50_ms"], r["p99_ms"], errors, extra)


def scan_rounds(args, label, count):
    runs = []
    for i in range(1, count + 1):
        before = Snapshot(args)
        r = run_wrk(args, "%s %d" % (label, i), args.duration)
        r["cpu_per_scan"] = cpu_figures(before, Snapshot(args), r["requests"])
        runs.append(r)
        print(scan_line(r, "  (idle %.1f %%)" % r["cpu_per_scan"]["idle_pct"]))
    return runs


def drain_under_scans(args):
    """Scans, without a backlog, then while one of --drain-backlog deliveries drains, then
    without again; answers the figures."""
    print("\n== The scan with and without a draining backlog (wrk: 32 connections, 2 threads, %d s a run)" %
          args.duration)
    # Twice a run: the scan's code is cold here (the deliveries before warmed other code).
    print("warm-up scan run (%d s, not counted)" % (2 * args.duration))
    run_wrk(args, "warm-up", 2 * args.duration)
    print("without a backlog:")
    baseline = scan_rounds(args, "before", args.scan_rounds)

    n = args.drain_backlog
    receiver(args.receiver, reset=True)
    tag = "msg_drain_"
    before = Snapshot(args)
    started, committed = insert_backlog(args, n, tag)
    print("while %d deliveries drain (inserted in %.1f s; the scans start at once):" % (n, committed - started))
    loaded = []
    deadline = committed + args.drain_timeout
    drained_at = None
    while time.time() < deadline:
        at_start = receiver(args.receiver)["received"]
        r = run_wrk(args, "loaded %d" % (len(loaded) + 1), args.duration)
        at_end = receiver(args.receiver)["received"]
        r["delivered_during"] = at_end - at_start
        # A run counts when the backlog drained during all of it.
        r["full"] = at_end < n
        loaded.append(r)
        print(scan_line(r, "  %6d deliveries during it (%4.0f/s), %6d of %d so far%s" % (
            at_end - at_start, (at_end - at_start) / r["duration_s"], at_end, n,
            "" if r["full"] else "  (drained during this run: not counted)")))
        if at_end >= n and due_tasks(args) == 0:
            break
    waited = wait_delivered(args, n, committed, timeout=max(0.0, deadline - time.time()), quiet=True)
    after = Snapshot(args)
    settled = settled_snapshot(args, before, n)
    stats = receiver(args.receiver)
    times, undelivered, retried = attempt_times(args, tag)
    drained_at = times[-1] - committed if times and undelivered == 0 else None
    print("without a backlog again:")
    baseline_after = scan_rounds(args, "after", args.scan_rounds)

    base = [r["rps"] for r in baseline + baseline_after]
    full = [r for r in loaded if r["full"]]
    result = {
        "deliveries": n,
        "scan_without_rps": [round(x, 1) for x in base],
        "scan_without_median_rps": round(statistics.median(base), 1),
        "scan_loaded_rps": [round(r["rps"], 1) for r in full],
        "scan_loaded_median_rps": round(statistics.median([r["rps"] for r in full]), 1) if full else None,
        "scan_without_p99_ms": round(statistics.median([r["p99_ms"] for r in baseline + baseline_after]), 1),
        "scan_loaded_p99_ms": round(statistics.median([r["p99_ms"] for r in full]), 1) if full else None,
        "scan_errors": int(sum(r["bad_status"] + r["socket_errors"] for r in baseline + loaded + baseline_after)),
        "drain_s": round(drained_at, 1) if drained_at is not None else None,
        "drained": waited is not None,
        "first_attempt_after_s": round(times[0] - committed, 2) if times else None,
        "received": stats["received"], "duplicates": stats["duplicates"],
        "undelivered": undelivered, "retried": retried,
        "deliveries_per_s_while_scanning": round(statistics.median(
            [r["delivered_during"] / r["duration_s"] for r in full])) if full else None,
        "cpu_per_delivery_whole_drain": cpu_figures(before, after, n),
        "db_per_delivery_whole_drain": db_figures(before, settled, n),
    }
    result["ratio"] = (round(result["scan_loaded_median_rps"] / result["scan_without_median_rps"], 3)
                       if result["scan_loaded_median_rps"] else None)
    return result


def print_drain(d):
    print("\n== Scan throughput while %d deliveries drain" % d["deliveries"])
    print("  scan without a backlog: median %.0f req/s of %s (the runs before and after), p99 %.1f ms" %
          (d["scan_without_median_rps"], " ".join("%.0f" % x for x in d["scan_without_rps"]), d["scan_without_p99_ms"]))
    if d["scan_loaded_median_rps"]:
        print("  scan while it drains:   median %.0f req/s of %s (the runs that ended before it drained), p99 %.1f ms" %
              (d["scan_loaded_median_rps"], " ".join("%.0f" % x for x in d["scan_loaded_rps"]), d["scan_loaded_p99_ms"]))
        print("  ratio: %.2f (target: at least 0.80)" % d["ratio"])
    else:
        print("  no scan run ended before the backlog drained: no ratio; use a bigger --drain-backlog")
    print("  drain time: %s s from the commit of the backlog to the start of its last attempt (first attempt after"
          " %s s); %s deliveries/s while the scans ran (median of the runs)" %
          (d["drain_s"], d["first_attempt_after_s"], d["deliveries_per_s_while_scanning"]))
    print("  received %d, repeated webhook-ids %d, not delivered %d, more than one attempt %d; scan errors %d" %
          (d["received"], d["duplicates"], d["undelivered"], d["retried"], d["scan_errors"]))
    c, db = d["cpu_per_delivery_whole_drain"], d["db_per_delivery_whole_drain"]
    print("  per delivery over the whole drain (scans included): server %s us, postgres %s us, receiver %s us, idle %s %%;"
          " %s commits, %s task updates" % (c["server_us"], c["postgres_us"], c["receiver_us"], c["idle_pct"],
                                             db["commits"], db["tasks_updated"]))


def main():
    parser = argparse.ArgumentParser(description="The measuring half of bench/webhooks.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--base", required=True, help="the server's URL")
    parser.add_argument("--receiver", required=True, help="the receiver's URL")
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--receiver-pid", type=int, required=True)
    parser.add_argument("--endpoints", required=True, help="the endpoint ids, separated by spaces")
    parser.add_argument("--slug", required=True, help="the placement the scans go to (a partner without webhooks)")
    parser.add_argument("--phone-ua", required=True)
    parser.add_argument("--bench-dir", required=True)
    parser.add_argument("--backlog", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup-backlog", type=int, default=20000)
    parser.add_argument("--drain-backlog", type=int, default=100000)
    parser.add_argument("--drain-timeout", type=int, default=1800)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--scan-rounds", type=int, default=3)
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-drain", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    args.endpoints = args.endpoints.split()

    result = {"endpoints": len(args.endpoints)}
    if not args.skip_throughput:
        print("\n== Deliveries a second: backlogs of %d, %d rounds, to %d endpoint(s) on one receiver" %
              (args.backlog, args.rounds, len(args.endpoints)))
        if args.warmup_backlog:
            print("warm-up: %d deliveries (not counted)" % args.warmup_backlog)
            throughput_round(args, "warmup", args.warmup_backlog, quiet=True)
        rounds = []
        for i in range(1, args.rounds + 1):
            print("round %d: %d deliveries" % (i, args.backlog))
            rounds.append(throughput_round(args, "r%d" % i, args.backlog))
        print()
        print_throughput(rounds)
        sustained = [r["sustained_per_s"] for r in rounds if r.get("sustained_per_s")]
        result["throughput"] = {"rounds": rounds,
                                "sustained_median_per_s": statistics.median(sustained) if sustained else None}
        print("\nsustained deliveries/s, median of %d rounds: %s (target: at least 500)" %
              (len(sustained), result["throughput"]["sustained_median_per_s"]))
        print("(sustained: the middle 80 % of a round's attempts, from the 10th to the 90th percentile of their start"
              " times in webhook_attempt, divided by the time between; overall: all attempts over first to last;"
              " sec med and min: the receiver's count of each whole second; first s: the first attempt after the"
              " backlog's commit, at most one polling interval; drain s: commit until the receiver had all and no task"
              " was left; bad: deliveries not delivered or with more than one attempt)")
    if not args.skip_drain:
        result["drain"] = drain_under_scans(args)
        print_drain(result["drain"])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
