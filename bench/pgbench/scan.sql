-- The scan's transaction (SessionService.scan): insert the session, insert its SCANNED event.
-- The UUID is made from two random numbers (md5 of them), the server makes it in Java.
\set a random(1, 4611686018427387903)
\set b random(1, 4611686018427387903)
BEGIN;
INSERT INTO journey_session (id, partner_id, campaign_id, placement_id, screen_id, status, step_index,
    ended, created_at, updated_at, expires_at)
VALUES (md5(:a::text || '-' || :b::text)::uuid, :partner_id, :campaign_id, :placement_id, :screen_id,
    'SCANNED', 0, FALSE, now(), now(), now() + interval '1 day');
INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
    scanned_at, stage_from, stage_to, rolled_up)
VALUES (md5(:a::text || '-' || :b::text)::uuid, :campaign_id, :screen_id, 'SCANNED', now(), 0, now(), -1, 0, TRUE);
END;
