-- Shared by the wrk scripts of bench/run (loaded with dofile; every wrk thread and the main
-- state load it separately). Counts answers by status per thread, reads id files, and prints
-- one parseable BENCH_RESULT line in done().
--
-- Environment: BENCH_THREADS (wrk -t), BENCH_EXPECT (the status that counts as success),
-- BENCH_IDS (a file of session ids, one a line), BENCH_API_KEY.

bench_threads = {}
ok = 0
bad = 0
exhausted = 0
expected_status = tonumber(os.getenv("BENCH_EXPECT") or "200")

function setup(thread)
   -- Called in the main state before the thread's init(): hand each thread its number.
   thread:set("tid", #bench_threads)
   thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS") or "2"))
   table.insert(bench_threads, thread)
end

function response(status, headers, body)
   if status == expected_status then
      ok = ok + 1
   else
      bad = bad + 1
   end
end

-- The ids of a file that belong to thread tid: lines tid, tid + nthreads, ... (0-based).
function load_ids(path, tid, nthreads)
   local ids = {}
   local i = 0
   for line in io.lines(path) do
      if line ~= "" then
         if i % nthreads == tid then
            ids[#ids + 1] = line
         end
         i = i + 1
      end
   end
   if #ids == 0 then
      error("no ids for thread " .. tid .. " in " .. path)
   end
   return ids
end

-- For the scripts that call the partner API: this thread's session ids and the headers to send
-- (with a JSON Content-Type when json is true).
function partner_setup(json)
   local headers = { ["API-KEY"] = os.getenv("BENCH_API_KEY") }
   if json then
      headers["Content-Type"] = "application/json"
   end
   return load_ids(os.getenv("BENCH_IDS"), tid, nthreads), headers
end

function done(summary, latency, requests)
   local oks, bads, ex = 0, 0, 0
   for _, t in ipairs(bench_threads) do
      oks = oks + (t:get("ok") or 0)
      bads = bads + (t:get("bad") or 0)
      ex = ex + (t:get("exhausted") or 0)
   end
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   local secs = summary.duration / 1e6
   io.write(string.format(
      "BENCH_RESULT requests=%d ok=%d bad_status=%d socket_errors=%d timeouts=%d exhausted=%d " ..
      "duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
      summary.requests, oks, bads, socket, e.timeout, ex, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.max / 1000))
end
