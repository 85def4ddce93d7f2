-- wrk: GET /smart-engage/get/session/<id> over existing sessions, cycling through this
-- thread's ids (repeats are fine for a read).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local ids, n, i, headers

function init(args)
   ids = load_ids(os.getenv("BENCH_IDS"), tid, nthreads)
   n = #ids
   i = 0
   headers = { ["API-KEY"] = os.getenv("BENCH_API_KEY") }
end

function request()
   local k = i % n
   i = i + 1
   return wrk.format("GET", "/smart-engage/get/session/" .. ids[k + 1], headers, nil)
end
