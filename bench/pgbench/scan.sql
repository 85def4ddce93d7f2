-- The scan's transaction (SessionService.scan): insert the session, insert its SCANNED event.
-- The UUID is made from two random numbers (md5 of them), the server makes it in Java.
-- With webhooks (-D webhooks=1, bench/run --webhooks) also the outbox row of the
-- session.status_changed event and its db-scheduler task, as WebhookOutbox and DeliveryQueue
-- write them in the same transaction; the task is due in a year, so the server never sends it.
-- The payload is as long as the server's; its times have dots for colons, which pgbench
-- would take for variables, and it is never parsed.
\set a random(1, 4611686018427387903)
\set b random(1, 4611686018427387903)
\set w random(100000000000000000, 999999999999999999)
BEGIN;
INSERT INTO journey_session (id, partner_id, campaign_id, placement_id, screen_id, status, step_index,
    ended, created_at, updated_at, expires_at)
VALUES (md5(:a::text || '-' || :b::text)::uuid, :partner_id, :campaign_id, :placement_id, :screen_id,
    'SCANNED', 0, FALSE, now(), now(), now() + interval '1 day');
INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
    scanned_at, stage_from, stage_to, rolled_up)
VALUES (md5(:a::text || '-' || :b::text)::uuid, :campaign_id, :screen_id, 'SCANNED', now(), 0, now(), -1, 0, TRUE);
\if :webhooks
INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_type, payload, state, attempts,
    next_attempt_at, created_at)
VALUES (:endpoint_id, 'msg_pgb_' || :w, 'session.status_changed',
    '{"type":"session.status_changed","timestamp":"2026-01-01T00.00.00.000000Z","data":{"session_id":"'
    || md5(:a::text || '-' || :b::text)::uuid || '","campaign_id":' || :campaign_id || ',"screen_id":' || :screen_id
    || ',"status":"SCANNED","previous_status":' || 'null,"changed_at":"2026-01-01T00.00.00.000000Z"}}',
    'pending', 0, now(), now())
RETURNING id AS did \gset
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
VALUES ('webhook-delivery', :did, NULL, now() + interval '1 year', FALSE, 1);
\endif
END;
