-- Search bounded by the page, not the history (issue 20), hand-written: Prisma has no words
-- for generated columns or partial indexes. No semicolons in comments: the PostgreSQL driver
-- adapter splits scripts on them.
--
-- Each message's words, computed once when it is written (the expression "Message_search_idx"
-- indexed until now, so writing a message costs what it did). Search tests a message against
-- a query without folding its text again: folding non-ASCII text (normalize and a regular
-- expression) cost microseconds per row, too much for a walk over thousands of messages.
-- Adding the column rewrites the table once: about 20 seconds per million messages, during
-- which the table is locked (webhooks get errors, and CM retries them).
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_fold("searchText"))) STORED;

-- The word index, now over the stored words: the same entries, and a lossy page is rechecked
-- from the column instead of by folding each row's text again.
DROP INDEX "Message_search_idx";
CREATE INDEX "Message_search_idx" ON "Message" USING GIN ("searchVector")
  WHERE "searchText" IS NOT NULL AND "deletedAt" IS NULL;

-- The searchable messages in time order. A search walks it newest first and tests each
-- message's stored words until it has a page: a common word or a short prefix fills a page
-- after a few hundred rows, whereas the word index would read every one of its matches to find
-- the newest. A rare word is then found through the word index (lib/server/search/search-sql.ts).
-- Its condition also leaves out system lines (which have no words anyway) so that only the walk,
-- which says so, can use it: a search through the word index, which tests that after reading
-- the index, never scans this one instead.
CREATE INDEX "Message_search_recent_idx" ON "Message" ("sentAt", "id")
  WHERE "searchText" IS NOT NULL AND "deletedAt" IS NULL AND "kind" <> 'SYSTEM';
