#!/usr/bin/env python3
"""The table of bench/big-pools: one line per database, from the JSON results that
big_pools.py printed (one file each)."""

import json
import sys


def main(paths):
    fmt = "%-9s %9s %8s %8s   %6s %9s %9s %8s   %7s %9s %9s"
    print(fmt % ("database", "issue p50", "p90", "max", "burst", "issue p50", "issue max", "all in",
                 "scans", "scan p50", "scan max"))
    print(fmt % ("", "ms", "ms", "ms", "issues", "ms", "ms", "ms", "302/all", "ms", "ms"))
    for path in paths:
        with open(path) as f:
            r = json.load(f)
        opt = lambda v: "-" if v is None else "%.1f" % v
        print(fmt % (r["label"], "%.1f" % r["sequential_median_ms"], "%.1f" % r["sequential_p90_ms"],
                     "%.1f" % r["sequential_max_ms"], "%d/%d" % (r["burst_issues_ok"], r["burst_issues"]),
                     "%.1f" % r["burst_issue_median_ms"], "%.1f" % r["burst_issue_max_ms"], "%d" % r["burst_ms"],
                     "%d/%d" % (r["scans_302"], r["scans"]), opt(r["scan_median_ms"]), opt(r["scan_max_ms"])))
    print("(issue p50/p90/max: the sequential issues, %s; burst: the parallel issues that got a 200 of all sent, "
          "the medians over the bursts of each burst's median and max issue time and of the time until its last "
          "answer; scans: 302s of all scans sent during the bursts, and the medians of each burst's median and max)"
          % "one at a time")


if __name__ == "__main__":
    main(sys.argv[1:])
