-- wrk: GET /s/<slug> as a phone. Every request starts a new session; wrk does not follow
-- the 302, and any other status counts as an error (BENCH_EXPECT=302).
-- The URL (with the slug) and the User-Agent header come from bench/run's command line.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
