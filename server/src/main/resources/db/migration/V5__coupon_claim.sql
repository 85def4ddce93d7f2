-- The free codes of a campaign, found without walking any other campaign's. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL.
--
-- The claim used to look for campaign_id = ? AND session_id IS NULL. H2's planner costs a unique
-- index whose every column has an equality as a one-row lookup, and it counts IS NULL as an
-- equality, so it chose uq_coupon_session, whose NULL key holds the free codes of every campaign,
-- and walked them all (2 million codes of other campaigns: 1 s a claim, all connections held).
-- A column of its own, in no unique index, leaves the planner one index to pick.

-- The campaign whose pool this code is free in; NULL once the code is issued.
ALTER TABLE coupon ADD COLUMN free_campaign_id BIGINT;
UPDATE coupon SET free_campaign_id = campaign_id WHERE session_id IS NULL;
-- Free exactly while no session holds the code, and only in its own campaign's pool. Written
-- so that no NULL can make it pass unchecked.
ALTER TABLE coupon ADD CONSTRAINT ck_coupon_free CHECK (
    (session_id IS NULL AND free_campaign_id IS NOT NULL AND free_campaign_id = campaign_id)
    OR (session_id IS NOT NULL AND free_campaign_id IS NULL));
CREATE INDEX ix_coupon_free ON coupon (free_campaign_id);
