-- The reports' roll-up stays true to the facts: any statement that inserts, updates or deletes
-- ReportEvent rows (the intake, label changes, SLA backfills, a conversation deleted with its
-- facts) marks the rolled days it touched as dirty, in UTC and in the account's time zone, in
-- the same transaction. Reports read a dirty day from the facts until the roll-up worker rolls
-- it again. Statement-level triggers with transition tables: one small UPDATE per statement,
-- and none at all for today's facts (today is never rolled, so no row matches).
-- The function's body is an escaped string (\073 for each semicolon): Prisma's PostgreSQL
-- adapter splits a migration at every semicolon, even inside quotes.
CREATE FUNCTION "report_rollup_mark_dirty"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "ReportRollupDay" d SET "dirty" = true, "dirtySince" = (now() AT TIME ZONE \'UTC\')
  FROM (
    SELECT DISTINCT c."accountId", z."timeZone",
      ((c."at" AT TIME ZONE \'UTC\') AT TIME ZONE z."timeZone")::date AS "day"
    FROM "changed" c
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    CROSS JOIN LATERAL (VALUES (\'UTC\'), (a."timeZone")) AS z("timeZone")
  ) k
  WHERE d."timeZone" = k."timeZone" AND d."accountId" = k."accountId" AND d."day" = k."day" AND NOT d."dirty"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "ReportEvent_rollup_insert" AFTER INSERT ON "ReportEvent"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollup_mark_dirty"();
CREATE TRIGGER "ReportEvent_rollup_delete" AFTER DELETE ON "ReportEvent"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollup_mark_dirty"();
CREATE TRIGGER "ReportEvent_rollup_update_old" AFTER UPDATE ON "ReportEvent"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollup_mark_dirty"();
CREATE TRIGGER "ReportEvent_rollup_update_new" AFTER UPDATE ON "ReportEvent"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollup_mark_dirty"();
