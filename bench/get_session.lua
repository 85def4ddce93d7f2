-- wrk: GET /smart-engage/get/session/<id> over existing sessions, cycling through this
-- thread's ids (repeats are fine for a read).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local ids, n, i, headers

function init(args)
   ids, headers = partner_setup(false)
   n = #ids
   i = 0
end

function request()
   local k = i % n
   i = i + 1
   return wrk.format("GET", "/smart-engage/get/session/" .. ids[k + 1], headers, nil)
end
