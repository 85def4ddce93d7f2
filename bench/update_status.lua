-- wrk: POST /smart-engage/post/update-session-status, walking each session of this thread
-- through FORM_SUBMITTED, FORM_REVIEWING, FORM_APPROVED, each step once.
--
-- Step-major order: all of the thread's sessions get FORM_SUBMITTED before any gets
-- FORM_REVIEWING, and so on. A session's next step is sent one whole pass of the thread's
-- sessions later; with more sessions than the thread has connections, its previous step has
-- been answered by then, so two steps of one session are never in flight at once.
-- Once every step of every session was sent, the script starts over (those requests are
-- 400s and are counted as "exhausted"); bench/run gives each thread enough sessions.
--
-- wrk calls request() once before the run to check it (thread 0 only): that call uses up
-- the first index, so thread 0's first session skips FORM_SUBMITTED (skipping is allowed).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local steps = { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED" }
local ids, n, i, headers

function init(args)
   ids, headers = partner_setup(true)
   n = #ids
   i = 0
end

function request()
   local k = i
   i = i + 1
   if k >= 3 * n then
      exhausted = exhausted + 1
      k = k % (3 * n)
   end
   local step = steps[math.floor(k / n) + 1]
   local sid = ids[(k % n) + 1]
   local body = '{"session_id": "' .. sid .. '", "new_status": "' .. step .. '"}'
   return wrk.format("POST", "/smart-engage/post/update-session-status", headers, body)
end
