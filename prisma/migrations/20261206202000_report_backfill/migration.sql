-- Reports (issue 19): fills ReportEvent, Conversation.openedAt and Conversation.firstResponseAt
-- for the history kept before facts were recorded as they happen. The same definitions as
-- lib/reports/measures.ts, computed from messages and system lines in thread order (seq):
-- a customer message is MESSAGE_IN, the first one OPENED, one after "resolved" or "snoozed"
-- REOPENED, and each starts an opening. An agent's message is MESSAGE_OUT, FIRST_RESPONSE
-- when it is the first of an opening (seconds since the opening), REPLY when the customer
-- was waiting (seconds since the first customer message after the previous agent reply).
-- A message without an author is automatic: MESSAGE_OUT for nobody, answering no wait. A
-- "resolved" line is RESOLVED (seconds since the opening), a "reopened by an agent" line after
-- a resolution REOPENED, with an opening that has no first response to wait for. "assigned"
-- lines are ASSIGNED to the user of that name when exactly one user has it. Notes and other
-- lines count nothing. lib/server/reports/report-backfill.test.ts checks this against replayTimeline.
-- Accounts had no business hours before this release, so businessSeconds = seconds here
-- (around the clock). Conversations that already have recorded facts are left alone.

WITH line AS (
  SELECT m."conversationId" AS cid, m."seq", m."sentAt" AS at, m."authorId" AS author, m."content",
    CASE
      WHEN m."direction" = 'INBOUND' THEN 'customer'
      WHEN m."direction" = 'OUTBOUND' AND m."authorId" IS NOT NULL THEN 'agent'
      WHEN m."direction" = 'OUTBOUND' THEN 'automatic'
      WHEN m."content"->>'event' = 'resolved' THEN 'resolved'
      WHEN m."content"->>'event' = 'snoozed' THEN 'snoozed'
      WHEN m."content"->>'event' = 'woke' THEN 'woke'
      WHEN m."content"->>'event' = 'reopened' AND m."content"->>'reason' = 'agent' THEN 'agent_reopened'
      WHEN m."content"->>'event' IN ('assigned', 'unassigned') THEN 'assigned'
    END AS type
  FROM "Message" m
  WHERE (m."direction" IN ('INBOUND', 'OUTBOUND') OR m."kind" = 'SYSTEM')
    AND NOT EXISTS (
      SELECT 1 FROM "ReportEvent" e WHERE e."conversationId" = m."conversationId"
        AND e."kind" IN ('OPENED', 'REOPENED', 'MESSAGE_IN', 'MESSAGE_OUT', 'FIRST_RESPONSE', 'REPLY', 'RESOLVED', 'ASSIGNED'))
), typed AS (
  SELECT *,
    CASE type WHEN 'customer' THEN 'OPEN' WHEN 'woke' THEN 'OPEN' WHEN 'agent_reopened' THEN 'OPEN'
      WHEN 'resolved' THEN 'RESOLVED' WHEN 'snoozed' THEN 'SNOOZED' END AS sets
  FROM line WHERE type IS NOT NULL
), counted AS (
  -- k: how many lines that set the status came up to here, and including this one.
  SELECT *, count(sets) OVER (PARTITION BY cid ORDER BY seq) AS k,
    count(*) FILTER (WHERE type = 'customer') OVER (PARTITION BY cid ORDER BY seq) AS customer_no,
    count(*) FILTER (WHERE type = 'agent') OVER (PARTITION BY cid ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS replies_before
  FROM typed
), status_after AS (
  SELECT *, first_value(sets) OVER (PARTITION BY cid, k ORDER BY seq) AS status FROM counted
), stepped AS (
  SELECT *, COALESCE(lag(status) OVER (PARTITION BY cid ORDER BY seq), 'OPEN') AS status_before FROM status_after
), opening_kind AS (
  SELECT *,
    CASE
      WHEN type = 'customer' AND customer_no = 1 THEN 'OPENED'
      WHEN type = 'customer' AND status_before IN ('RESOLVED', 'SNOOZED') THEN 'REOPENED'
      WHEN type = 'agent_reopened' AND status_before = 'RESOLVED' THEN 'REOPENED'
    END AS opens
  FROM stepped
), openings AS (
  SELECT *, count(opens) OVER (PARTITION BY cid ORDER BY seq) AS opening_no FROM opening_kind
), opened AS (
  SELECT *,
    first_value(at) OVER (PARTITION BY cid, opening_no ORDER BY seq) AS opened_at,
    first_value(type) OVER (PARTITION BY cid, opening_no ORDER BY seq) AS opened_by,
    count(*) FILTER (WHERE type = 'agent') OVER (PARTITION BY cid, opening_no ORDER BY seq) AS reply_in_opening
  FROM openings
), waits AS (
  -- The first customer message after each agent reply (or from the start): the wait begins there.
  SELECT DISTINCT ON (cid, replies_before) cid, replies_before, at AS waiting_since
  FROM counted WHERE type = 'customer' ORDER BY cid, replies_before, seq
), fact AS (
  SELECT o.cid, o.seq, 0 AS n, o.opens AS kind, o.at,
    CASE WHEN o.type = 'agent_reopened' THEN o.author END AS agent, NULL::timestamp AS since
  FROM opened o WHERE o.opens IS NOT NULL
  UNION ALL
  SELECT cid, seq, 1, 'MESSAGE_IN', at, NULL, NULL FROM opened WHERE type = 'customer'
  UNION ALL
  SELECT cid, seq, 1, 'MESSAGE_OUT', at, author, NULL FROM opened WHERE type IN ('agent', 'automatic')
  UNION ALL
  SELECT cid, seq, 2, 'FIRST_RESPONSE', at, author, opened_at FROM opened
  WHERE type = 'agent' AND reply_in_opening = 1 AND opening_no > 0 AND opened_by = 'customer'
  UNION ALL
  SELECT o.cid, o.seq, 3, 'REPLY', o.at, o.author, w.waiting_since FROM opened o
  JOIN waits w ON w.cid = o.cid AND w.replies_before = o.replies_before WHERE o.type = 'agent'
  UNION ALL
  SELECT cid, seq, 1, 'RESOLVED', at, author, CASE WHEN opening_no > 0 THEN opened_at END FROM opened
  WHERE type = 'resolved' AND status_before <> 'RESOLVED'
  UNION ALL
  SELECT o.cid, o.seq, 1, 'ASSIGNED', o.at,
    CASE WHEN o."content"->>'event' = 'assigned' THEN (
      SELECT min(u."id") FROM "User" u WHERE u."name" = o."content"->>'assigneeName'
      HAVING count(*) = 1) END,
    NULL
  FROM opened o WHERE o.type = 'assigned'
), inserted AS (
  INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "agentId", "seconds", "businessSeconds", "labelIds")
  SELECT f.kind::"ReportEventKind", f.at, c."accountId", f.cid,
    -- An author deleted since is nobody now (as ON DELETE SET NULL would have made it).
    (SELECT u."id" FROM "User" u WHERE u."id" = f.agent),
    CASE WHEN f.since IS NOT NULL THEN GREATEST(0, floor(extract(epoch FROM (f.at - f.since))))::int END,
    CASE WHEN f.since IS NOT NULL THEN GREATEST(0, floor(extract(epoch FROM (f.at - f.since))))::int END,
    COALESCE((SELECT array_agg(cl."labelId" ORDER BY cl."labelId") FROM "ConversationLabel" cl
      WHERE cl."conversationId" = f.cid), ARRAY[]::text[])
  FROM fact f JOIN "Conversation" c ON c."id" = f.cid
  ORDER BY f.cid, f.seq, f.n
), last_opening AS (
  SELECT DISTINCT ON (cid) cid, opened_at, opened_by, opening_no FROM opened WHERE opening_no > 0
  ORDER BY cid, seq DESC
)
UPDATE "Conversation" c SET
  "openedAt" = l.opened_at,
  "firstResponseAt" = CASE WHEN l.opened_by = 'agent_reopened' THEN l.opened_at ELSE (
    SELECT o.at FROM opened o WHERE o.cid = l.cid AND o.opening_no = l.opening_no AND o.type = 'agent'
    ORDER BY o.seq LIMIT 1) END
FROM last_opening l WHERE c."id" = l.cid;
