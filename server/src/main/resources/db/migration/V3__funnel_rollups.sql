-- Funnel rollups. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
--
-- A session's funnel stage: 0 SCANNED, 1..n the forward steps of its flow, n+1 COUPON_ISSUED,
-- n+2 COUPON_REDEEMED. A session counts for every stage up to the furthest it reached, so a
-- skipped step counts as passed. Each journey event records the stages it passed: those in
-- (stage_from, stage_to]. A failure step passes none (stage_to = -1) and is counted beside the
-- stage it branched from (stage_from).

-- The furthest stage reached through the session row, and its value before the last change:
-- the write path copies funnel_stage_before into the event it appends in the same transaction,
-- so an event knows exactly which stages it passed, however requests race.
ALTER TABLE journey_session ADD COLUMN funnel_stage INT NOT NULL DEFAULT 0;
ALTER TABLE journey_session ADD COLUMN funnel_stage_before INT NOT NULL DEFAULT -1;

ALTER TABLE journey_event ADD COLUMN scanned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE journey_event ADD COLUMN stage_from INT NOT NULL DEFAULT -1;
ALTER TABLE journey_event ADD COLUMN stage_to INT NOT NULL DEFAULT -1;
-- FALSE until the rollup step has added the event to funnel_rollup and failure_rollup.
ALTER TABLE journey_event ADD COLUMN rolled_up BOOLEAN NOT NULL DEFAULT FALSE;

-- Events written before this migration: derive their stages from their flow and their order.
UPDATE journey_event SET scanned_at = (SELECT s.created_at FROM journey_session s WHERE s.id = journey_event.session_id);
UPDATE journey_event SET stage_to = 0 WHERE step = 'SCANNED';
UPDATE journey_event SET stage_to = (
    SELECT fs.position FROM campaign c JOIN flow_step fs ON fs.flow_id = c.flow_id
    WHERE c.id = journey_event.campaign_id AND fs.name = journey_event.step AND fs.failure = FALSE)
WHERE step NOT IN ('SCANNED', 'COUPON_ISSUED', 'COUPON_REDEEMED') AND EXISTS (
    SELECT 1 FROM campaign c JOIN flow_step fs ON fs.flow_id = c.flow_id
    WHERE c.id = journey_event.campaign_id AND fs.name = journey_event.step AND fs.failure = FALSE);
UPDATE journey_event SET stage_to = (
    SELECT COUNT(*) + 1 FROM campaign c JOIN flow_step fs ON fs.flow_id = c.flow_id
    WHERE c.id = journey_event.campaign_id AND fs.failure = FALSE)
WHERE step = 'COUPON_ISSUED';
UPDATE journey_event SET stage_to = (
    SELECT COUNT(*) + 2 FROM campaign c JOIN flow_step fs ON fs.flow_id = c.flow_id
    WHERE c.id = journey_event.campaign_id AND fs.failure = FALSE)
WHERE step = 'COUPON_REDEEMED';
UPDATE journey_event SET stage_from = COALESCE((
    SELECT MAX(e.stage_to) FROM journey_event e WHERE e.session_id = journey_event.session_id AND e.id < journey_event.id), -1)
WHERE step <> 'SCANNED';
UPDATE journey_session SET funnel_stage = COALESCE((
    SELECT MAX(e.stage_to) FROM journey_event e WHERE e.session_id = journey_session.id AND e.step <> 'COUPON_REDEEMED'), 0);
ALTER TABLE journey_event ALTER COLUMN scanned_at SET NOT NULL;

-- The rollup step picks the events it has not added yet, by campaign and scan time, so that a
-- batch falls into few rollup rows; reads find a campaign's pending events in a range of scans.
CREATE INDEX ix_event_rolled_up ON journey_event (rolled_up, campaign_id, scanned_at);
-- Read by nothing since the analytics read rollups; one index less for every event written.
DROP INDEX ix_event_campaign_step;
-- Raw reads of the slices of a range that no whole rollup period covers.
CREATE INDEX ix_event_campaign_scanned ON journey_event (campaign_id, scanned_at);

-- Sessions by the hour or the UTC day of their scan that reached a stage or went past it.
-- screen_id 0 stands for every screen of the campaign together; each screen has its own rows too.
CREATE TABLE funnel_rollup (
    campaign_id   BIGINT NOT NULL,
    period_hours  INT NOT NULL,
    screen_id     BIGINT NOT NULL,
    period_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    stage         INT NOT NULL,
    sessions      BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, period_hours, screen_id, period_start, stage)
);
-- The breakdown reads every screen of a range of periods.
CREATE INDEX ix_funnel_rollup_period ON funnel_rollup (campaign_id, period_hours, period_start);

-- How many of those sessions reached the stage how long after the scan: bucket is the time in
-- seconds rounded down to two significant digits from 100 s on (exact below). The percentiles
-- come from here. Kept for every screen together by hour and by day, and for each screen by day.
CREATE TABLE funnel_time_rollup (
    campaign_id   BIGINT NOT NULL,
    period_hours  INT NOT NULL,
    screen_id     BIGINT NOT NULL,
    period_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    stage         INT NOT NULL,
    bucket        BIGINT NOT NULL,
    sessions      BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, period_hours, screen_id, period_start, stage, bucket)
);

-- Sessions that ended at a failure step, by the stage they branched from; same periods.
CREATE TABLE failure_rollup (
    campaign_id   BIGINT NOT NULL,
    period_hours  INT NOT NULL,
    screen_id     BIGINT NOT NULL,
    period_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    step          VARCHAR(64) NOT NULL,
    after_stage   INT NOT NULL,
    sessions      BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, period_hours, screen_id, period_start, step, after_stage)
);
CREATE INDEX ix_failure_rollup_period ON failure_rollup (campaign_id, period_hours, period_start);

-- One row, locked by the rollup step for its transaction so that instances take turns.
CREATE TABLE rollup_lock (
    id  INT PRIMARY KEY
);
INSERT INTO rollup_lock (id) VALUES (1);
