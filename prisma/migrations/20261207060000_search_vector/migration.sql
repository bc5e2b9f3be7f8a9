-- Search bounded by the page, not the history (issue 20), hand-written: Prisma has no words
-- for triggers or partial indexes. No semicolons outside statement ends: Prisma's PostgreSQL
-- adapter splits a migration at every one, even inside quotes (\073 stands for them below).
--
-- Each message's words, stored beside it, so that search can test a message against a query
-- without folding its text again (normalize and a regular expression: microseconds per row,
-- too much for a walk over thousands of messages). A plain nullable column: adding it takes no
-- time and rewrites nothing, whatever the size of the table.
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector;

-- Filled when a message is written or its words change, in the same statement.
CREATE FUNCTION "message_search_vector"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" := to_tsvector(\'simple\', search_fold(NEW."searchText"))\073
  RETURN NEW\073
END
';
CREATE TRIGGER "Message_search_vector" BEFORE INSERT OR UPDATE OF "searchText" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION "message_search_vector"();

-- The messages written before this migration get theirs from a background backfill, newest
-- first, a batch at a time (lib/server/search/backfill-search-vectors.ts), which keeps its place
-- here: it resumes where it stopped after a restart, and several instances take turns.
CREATE TABLE "BackfillCursor" (
  "name" TEXT NOT NULL,
  "beforeAt" TIMESTAMP(3),
  "beforeId" TEXT,
  "done" BOOLEAN NOT NULL DEFAULT false,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "BackfillCursor_pkey" PRIMARY KEY ("name")
);
INSERT INTO "BackfillCursor" ("name", "updatedAt") VALUES ('message-search-vector', now());

-- The searchable messages in time order. A search walks it newest first and tests each
-- message's stored words until it has a page: a common word or a short prefix fills a page
-- after a few hundred rows, whereas the word index would read every one of its matches to find
-- the newest. A rare word is then found through the word index (lib/server/search/search-sql.ts).
-- Its condition also leaves out system lines (which have no words anyway) so that only the walk,
-- which says so, can use it: a search through the word index, which tests that after reading
-- the index, never scans this one instead.
CREATE INDEX "Message_search_recent_idx" ON "Message" ("sentAt", "id")
  WHERE "searchText" IS NOT NULL AND "deletedAt" IS NULL AND "kind" <> 'SYSTEM';
