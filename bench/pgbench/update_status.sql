-- The status update's transaction (SessionService.advance): select the session, the
-- conditional UPDATE that moves it forward, insert the journey event from the session row.
-- Each client takes its own sessions in turn (n = base + 1 + client_id + nclients * i), so
-- every transaction really moves a session (SCANNED -> FORM_SUBMITTED), as the server's do.
-- The id comes from bench_ids_update: one indexed lookup more than the server does.
-- With webhooks (-D webhooks=1, bench/run --webhooks) also the outbox row of the
-- session.status_changed event and its db-scheduler task, as WebhookOutbox and DeliveryQueue
-- write them in the same transaction; the task is due in a year, so the server never sends it.
-- The payload is as long as the server's; its times have dots for colons, which pgbench
-- would take for variables, and it is never parsed.
\set n :base + 1 + :client_id + :nclients * :i
\set i :i + 1
\set w random(100000000000000000, 999999999999999999)
BEGIN;
SELECT id AS sid FROM bench_ids_update WHERE n = :n \gset
SELECT id, partner_id, campaign_id, placement_id, screen_id, status, step_index, ended, rewarded_at,
       coupon_issued_at, created_at, updated_at, expires_at
FROM journey_session WHERE id = :sid AND partner_id = :partner_id;
UPDATE journey_session
SET status = 'FORM_SUBMITTED', step_index = 1, ended = FALSE,
    rewarded_at = COALESCE(rewarded_at, NULL::timestamptz), updated_at = now(),
    funnel_stage_before = funnel_stage, funnel_stage = GREATEST(funnel_stage, 1)
WHERE id = :sid AND partner_id = :partner_id AND ended = FALSE AND step_index < 1
  AND expires_at > now();
INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
    scanned_at, stage_from, stage_to, rolled_up)
SELECT id, campaign_id, screen_id, 'FORM_SUBMITTED', now(), 0, created_at, funnel_stage_before, 1, TRUE
FROM journey_session WHERE id = :sid;
\if :webhooks
INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_type, payload, state, attempts,
    next_attempt_at, created_at)
VALUES (:endpoint_id, 'msg_pgb_' || :w, 'session.status_changed',
    '{"type":"session.status_changed","timestamp":"2026-01-01T00.00.00.000000Z","data":{"session_id":"'
    || :sid || '","campaign_id":' || :campaign_id || ',"screen_id":' || :screen_id
    || ',"status":"FORM_SUBMITTED","previous_status":"SCANNED","changed_at":"2026-01-01T00.00.00.000000Z"}}',
    'pending', 0, now(), now())
RETURNING id AS did \gset
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
VALUES ('webhook-delivery', :did, NULL, now() + interval '1 year', FALSE, 1);
\endif
END;
