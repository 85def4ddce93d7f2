-- wrk: POST /smart-engage/post/engage-v3/<id> with no body (the contract's cURL example), each
-- session of this thread once. The sessions were set to FORM_APPROVED in SQL by bench/run.
-- Once every session was used, the script starts over (those requests are 400s "already
-- issued" and are counted as "exhausted").
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local ids, n, i, headers

function init(args)
   ids, headers = partner_setup(true)
   n = #ids
   i = 0
end

function request()
   local k = i
   i = i + 1
   if k >= n then
      exhausted = exhausted + 1
      k = k % n
   end
   return wrk.format("POST", "/smart-engage/post/engage-v3/" .. ids[k + 1], headers, nil)
end
