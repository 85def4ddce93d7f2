#!/usr/bin/env python3
"""The measuring half of bench/big-pools: coupon issues on a campaign whose codes were
added after millions of other codes, and scans of an unrelated campaign during bursts of
parallel issues. Standard library only. Prints its figures as text and one JSON line.

    big_pools.py --base http://127.0.0.1:18082 --api-key KEY --issue-slug S --scan-slug S2
                 [--sequential 50] [--burst 12] [--rounds 3] [--label h2]
"""

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse

PHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")


class Client:
    """One keep-alive HTTP connection; answers (status, body, milliseconds)."""

    def __init__(self, base, timeout=30):
        url = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)

    def call(self, method, path, headers=None, body=None):
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers or {})
        answer = self.connection.getresponse()
        data = answer.read()
        elapsed = (time.perf_counter() - started) * 1000.0
        return answer.status, data, answer.getheader("Location"), elapsed

    def close(self):
        self.connection.close()


def approved_sessions(base, api_key, slug, count):
    """Scans the placement count times and walks each session to FORM_APPROVED."""
    client = Client(base)
    sessions = []
    for _ in range(count):
        status, _, location, _ = client.call("GET", "/s/" + slug, {"User-Agent": PHONE_UA})
        if status != 302 or "session_id=" not in (location or ""):
            sys.exit("big_pools.py: the scan answered %d, not a 302 with a session" % status)
        session = location.split("session_id=")[1][:36]
        body = json.dumps({"session_id": session, "new_status": "FORM_APPROVED"})
        status, data, _, _ = client.call("POST", "/smart-engage/post/update-session-status",
                                         {"API-KEY": api_key, "Content-Type": "application/json"}, body)
        if status != 200:
            sys.exit("big_pools.py: update-session-status answered %d: %s" % (status, data[:200]))
        sessions.append(session)
    client.close()
    return sessions


def engage(client, api_key, session):
    return client.call("POST", "/smart-engage/post/engage-v3/" + session,
                       {"API-KEY": api_key, "Content-Type": "application/json"})


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def sequential(base, api_key, sessions):
    """Issues one coupon at a time; the latency of each, in ms, and the statuses."""
    client = Client(base)
    times, statuses = [], {}
    for session in sessions:
        status, _, _, ms = engage(client, api_key, session)
        times.append(ms)
        statuses[status] = statuses.get(status, 0) + 1
    client.close()
    return times, statuses


def burst(base, api_key, sessions, scan_slug):
    """All sessions' issues at once, one connection each, while two clients scan an
    unrelated campaign one request after another until the last issue is answered."""
    issue_results = [None] * len(sessions)
    scans = []
    scans_lock = threading.Lock()
    start = threading.Barrier(len(sessions) + 1)
    issues_done = threading.Event()

    def issue(i):
        client = Client(base)
        start.wait()
        status, _, _, ms = engage(client, api_key, sessions[i])
        issue_results[i] = (status, ms)
        client.close()

    def scan():
        client = Client(base)
        while not issues_done.is_set():
            status, _, _, ms = client.call("GET", "/s/" + scan_slug, {"User-Agent": PHONE_UA})
            with scans_lock:
                scans.append((status, ms))
        client.close()

    issuers = [threading.Thread(target=issue, args=(i,)) for i in range(len(sessions))]
    for t in issuers:
        t.start()
    scanners = [threading.Thread(target=scan) for _ in range(2)]
    started = time.perf_counter()
    start.wait()
    for t in scanners:
        t.start()
    for t in issuers:
        t.join()
    issues_done.set()
    wall = (time.perf_counter() - started) * 1000.0
    for t in scanners:
        t.join()
    return issue_results, scans, wall


def counts(statuses):
    result = {}
    for status in statuses:
        result[status] = result.get(status, 0) + 1
    return ", ".join("%d x %d" % (n, s) for s, n in sorted(result.items()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--issue-slug", required=True)
    parser.add_argument("--scan-slug", required=True)
    parser.add_argument("--sequential", type=int, default=50)
    parser.add_argument("--burst", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--label", default="")
    args = parser.parse_args()

    total = args.sequential + args.burst * args.rounds
    print("making %d approved sessions (scan, then update-session-status FORM_APPROVED)" % total, flush=True)
    sessions = approved_sessions(args.base, args.api_key, args.issue_slug, total)

    # A few issues first, so that the JIT and the pool are warm for the measured ones.
    warm = approved_sessions(args.base, args.api_key, args.issue_slug, 5)
    sequential(args.base, args.api_key, warm)

    seq_times, seq_statuses = sequential(args.base, args.api_key, sessions[:args.sequential])
    print("sequential issues (%d, one at a time, keep-alive): median %.1f ms, p90 %.1f ms, max %.1f ms; statuses %s"
          % (len(seq_times), statistics.median(seq_times), percentile(seq_times, 0.9), max(seq_times),
             ", ".join("%d x %d" % (n, s) for s, n in sorted(seq_statuses.items()))), flush=True)

    rounds = []
    for r in range(args.rounds):
        chunk = sessions[args.sequential + r * args.burst:args.sequential + (r + 1) * args.burst]
        issue_results, scans, wall = burst(args.base, args.api_key, chunk, args.scan_slug)
        issue_ms = [ms for _, ms in issue_results]
        scan_ms = [ms for _, ms in scans]
        scan_ok = sum(1 for status, _ in scans if status == 302)
        rounds.append({
            "issue_median_ms": statistics.median(issue_ms),
            "issue_max_ms": max(issue_ms),
            "issues_ok": sum(1 for status, _ in issue_results if status == 200),
            "burst_ms": wall,
            "scans": len(scans),
            "scans_302": scan_ok,
            "scan_median_ms": statistics.median(scan_ms) if scan_ms else None,
            "scan_max_ms": max(scan_ms) if scan_ms else None,
        })
        print("burst %d: %d parallel issues: median %.1f ms, max %.1f ms, statuses %s; all answered in %.0f ms; "
              "meanwhile %d scans of another campaign: statuses %s, median %.1f ms, max %.1f ms"
              % (r + 1, len(chunk), rounds[-1]["issue_median_ms"], rounds[-1]["issue_max_ms"],
                 counts(s for s, _ in issue_results), wall, len(scans), counts(s for s, _ in scans),
                 rounds[-1]["scan_median_ms"] or 0, rounds[-1]["scan_max_ms"] or 0), flush=True)

    def median_of(key):
        values = [x[key] for x in rounds if x[key] is not None]
        return statistics.median(values) if values else None

    result = {
        "label": args.label,
        "sequential_median_ms": round(statistics.median(seq_times), 1),
        "sequential_p90_ms": round(percentile(seq_times, 0.9), 1),
        "sequential_max_ms": round(max(seq_times), 1),
        "sequential_ok": seq_statuses.get(200, 0),
        "sequential": len(seq_times),
        "burst_size": args.burst,
        "burst_issue_median_ms": round(median_of("issue_median_ms"), 1),
        "burst_issue_max_ms": round(median_of("issue_max_ms"), 1),
        "burst_ms": round(median_of("burst_ms")),
        "burst_issues_ok": sum(x["issues_ok"] for x in rounds),
        "burst_issues": args.burst * args.rounds,
        "scans": sum(x["scans"] for x in rounds),
        "scans_302": sum(x["scans_302"] for x in rounds),
        "scan_median_ms": median_of("scan_median_ms"),
        "scan_max_ms": median_of("scan_max_ms"),
        "rounds": rounds,
    }
    print("BIG_POOLS_RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
