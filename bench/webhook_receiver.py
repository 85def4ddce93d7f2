#!/usr/bin/env python3
"""A fast webhook receiver for the benchmarks: answers every POST with 204 at once, on
127.0.0.1 only, one thread per connection, HTTP/1.1 keep-alive (the server's HttpClient keeps
its connections). It checks nothing (no signature) and keeps only counts: requests, repeated
webhook-ids, and arrivals per second. Standard library only.

    webhook_receiver.py [--port N] [--port-file PATH] [--parent PID] [--max-seconds N]

GET /stats answers {"received", "duplicates", "first", "last", "per_second": {second: count}}
(times in seconds since the epoch); GET /stats?reset=1 answers the same and starts the counts
again. The receiver stops by itself when --parent is gone or after --max-seconds.
"""

import argparse
import http.server
import json
import os
import sys
import threading
import time


class Counts:
    """What arrived, under a lock (one thread per connection)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.received = 0
        self.duplicates = 0
        self.first = None
        self.last = None
        self.per_second = {}
        self.ids = set()

    def add(self, webhook_id):
        now = time.time()
        second = int(now)
        with self.lock:
            self.received += 1
            if webhook_id in self.ids:
                self.duplicates += 1
            else:
                self.ids.add(webhook_id)
            if self.first is None:
                self.first = now
            self.last = now
            self.per_second[second] = self.per_second.get(second, 0) + 1

    def snapshot(self, reset):
        with self.lock:
            data = {
                "received": self.received,
                "duplicates": self.duplicates,
                "first": self.first,
                "last": self.last,
                "per_second": {str(k): v for k, v in sorted(self.per_second.items())},
            }
            if reset:
                self.reset()
        return data


COUNTS = Counts()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        # The server sends one webhook-id per event and endpoint; the same id again is a repeat.
        # A delivery's own id would be finer, but it is not on the wire.
        COUNTS.add(self.headers.get("webhook-id") or "")
        self.send_response_only(204)
        self.end_headers()

    def do_GET(self):
        if not self.path.startswith("/stats"):
            self.send_error(404)
            return
        body = json.dumps(COUNTS.snapshot("reset=1" in self.path)).encode()
        self.send_response_only(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def watchdog(parent, deadline, server):
    """Stops the server when its parent process is gone or the time is up."""
    while time.time() < deadline:
        if parent and not os.path.exists("/proc/%d" % parent):
            break
        time.sleep(1)
    server.shutdown()


def main():
    parser = argparse.ArgumentParser(description="A webhook receiver that answers 204 at once.")
    parser.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    parser.add_argument("--port-file", help="where to write the port once listening")
    parser.add_argument("--parent", type=int, default=0, help="stop when this process is gone")
    parser.add_argument("--max-seconds", type=int, default=7200, help="stop after this long (default 7200)")
    args = parser.parse_args()

    server = Server(("127.0.0.1", args.port), Handler)
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write("%d\n" % port)
        os.replace(args.port_file + ".tmp", args.port_file)
    threading.Thread(target=watchdog, args=(args.parent, time.time() + args.max_seconds, server), daemon=True).start()
    print("webhook receiver on 127.0.0.1:%d" % port, file=sys.stderr)
    server.serve_forever(poll_interval=0.5)


if __name__ == "__main__":
    main()
