-- The reports read ReportEvent by kind and time, and aggregate a handful of columns: one index
-- leading with (kind, at) and holding those columns lets PostgreSQL answer a report from the
-- index alone. It takes over from the index on "at" alone, which no statement needs any more
-- (every one names the kinds it reads).

-- DropIndex
DROP INDEX "ReportEvent_at_idx";

-- CreateIndex
CREATE INDEX "ReportEvent_kind_at_accountId_agentId_seconds_businessSecon_idx" ON "ReportEvent"("kind", "at", "accountId", "agentId", "seconds", "businessSeconds", "score", "slaMet", "conversationId");
