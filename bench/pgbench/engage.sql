-- The coupon issue's transaction (CouponService.issue): select the session, mark its coupon
-- issued (conditional UPDATE), lock a free code (FOR UPDATE SKIP LOCKED), assign it, insert the
-- COUPON_ISSUED event. Each client takes its own approved sessions in turn, each once.
-- The id comes from bench_ids_engage: one indexed lookup more than the server does.
-- With webhooks (-D webhooks=1, bench/run --webhooks) also the outbox row of the coupon.issued
-- event and its db-scheduler task, as WebhookOutbox and DeliveryQueue write them in the same
-- transaction; the task is due in a year, so the server never sends it.
-- The payload is as long as the server's; its times have dots for colons, which pgbench
-- would take for variables, and it is never parsed.
\set n :base + 1 + :client_id + :nclients * :i
\set i :i + 1
\set a random(1, 4611686018427387903)
\set w random(100000000000000000, 999999999999999999)
BEGIN;
SELECT id AS sid FROM bench_ids_engage WHERE n = :n \gset
SELECT id, partner_id, campaign_id, placement_id, screen_id, status, step_index, ended, rewarded_at,
       coupon_issued_at, created_at, updated_at, expires_at
FROM journey_session WHERE id = :sid AND partner_id = :partner_id;
UPDATE journey_session SET coupon_issued_at = now(), updated_at = now(),
    funnel_stage_before = funnel_stage, funnel_stage = GREATEST(funnel_stage, 4)
WHERE id = :sid AND partner_id = :partner_id AND coupon_issued_at IS NULL AND rewarded_at IS NOT NULL;
SELECT id AS cid, code FROM coupon WHERE free_campaign_id = :campaign_id LIMIT 1 FOR UPDATE SKIP LOCKED \gset
UPDATE coupon SET session_id = :sid, free_campaign_id = NULL, token = md5(:a::text || '-' || :n::text),
    issued_at = now(), expires_at = now() + interval '30 days'
WHERE id = :cid AND session_id IS NULL;
INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
    scanned_at, stage_from, stage_to, rolled_up)
SELECT id, campaign_id, screen_id, 'COUPON_ISSUED', now(), 0, created_at, funnel_stage_before, 4, TRUE
FROM journey_session WHERE id = :sid;
\if :webhooks
INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_type, payload, state, attempts,
    next_attempt_at, created_at)
VALUES (:endpoint_id, 'msg_pgb_' || :w, 'coupon.issued',
    '{"type":"coupon.issued","timestamp":"2026-01-01T00.00.00.000000Z","data":{"session_id":"'
    || :sid || '","campaign_id":' || :campaign_id || ',"coupon_code":"' || :code
    || '","issued_at":"2026-01-01T00.00.00.000000Z","expires_at":"2026-01-31T00.00.00.000000Z"}}',
    'pending', 0, now(), now())
RETURNING id AS did \gset
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
VALUES ('webhook-delivery', :did, NULL, now() + interval '1 year', FALSE, 1);
\endif
END;
