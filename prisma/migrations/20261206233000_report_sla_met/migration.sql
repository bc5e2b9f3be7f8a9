-- SLA met (reports): first responses, replies and resolutions now record whether they met the
-- target of the SLA policy applying to their account when they happen (slaMet). This fills the
-- facts recorded before. They are judged by the policies as they are now, since nobody kept the
-- policies as they were then: the account's own policy, else the default one (id 'default').
-- The same rule as lib/server/reports/sla-met-sql.ts, which writes new facts: the target by kind
-- (FIRST_RESPONSE firstResponseMinutes, REPLY nextResponseMinutes, RESOLVED resolutionMinutes),
-- compared with businessSeconds (seconds when there are none) under a business-hours policy, with
-- seconds otherwise. Null when no policy applies, when it sets no target for that kind, or when
-- the fact measured no time.

UPDATE "ReportEvent" e SET "slaMet" = (
  SELECT (CASE WHEN p."businessHoursOnly" THEN COALESCE(e."businessSeconds", e."seconds") ELSE e."seconds" END)
    <= 60 * (CASE e."kind"
      WHEN 'FIRST_RESPONSE' THEN p."firstResponseMinutes"
      WHEN 'REPLY' THEN p."nextResponseMinutes"
      WHEN 'RESOLVED' THEN p."resolutionMinutes" END)
  FROM "SlaPolicy" p
  WHERE p."accountId" = e."accountId" OR (p."id" = 'default' AND p."accountId" IS NULL)
  ORDER BY p."accountId" IS NULL
  LIMIT 1
)
WHERE e."kind" IN ('FIRST_RESPONSE', 'REPLY', 'RESOLVED') AND e."slaMet" IS NULL AND e."seconds" IS NOT NULL;
