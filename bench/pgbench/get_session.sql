-- The session view's transaction (SessionService.view, read-only): select the session, its
-- coupon, its events. A random session of bench_ids_get each time (one indexed lookup more
-- than the server does).
\set n random(1, :nget)
BEGIN READ ONLY;
SELECT id AS sid FROM bench_ids_get WHERE n = :n \gset
SELECT id, partner_id, campaign_id, placement_id, screen_id, status, step_index, ended, rewarded_at,
       coupon_issued_at, created_at, updated_at, expires_at, test
FROM journey_session WHERE id = :sid AND partner_id = :partner_id AND test = FALSE;
SELECT code, token, issued_at, expires_at, redeemed_at FROM coupon WHERE session_id = :sid;
SELECT step, occurred_at FROM journey_event WHERE session_id = :sid ORDER BY occurred_at, id;
END;
