-- Search (issue 9), hand-written: Prisma has no words for functions or expression indexes.
-- No semicolons in comments or bodies: the PostgreSQL driver adapter splits scripts on them.
--
-- The full-text search built into PostgreSQL, with the simple configuration (no stemming, no stop
-- words: customers write in any language), made case- and accent-insensitive with built-in
-- functions only, so it works the same on the embedded PGlite and on any PostgreSQL 13+
-- without an extension (unaccent and pg_trgm are contrib extensions PGlite would have to load).

-- What search compares: accents and compatibility forms folded away (é → e, ﬁ → fi,
-- 𝓱𝓮𝓵𝓵𝓸 → hello), plus the few letters that do not decompose. ASCII text, the common case,
-- passes untouched. to_tsvector lowercases afterwards. Highlighting in the browser does the same
-- (lib/search/fold.ts). Only pg_catalog functions in the body, so it is safe under the empty
-- search_path of maintenance commands. Not STRICT, so the planner inlines it and queries match
-- the indexes below. Changing it means rebuilding those indexes.
CREATE FUNCTION search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN octet_length(value) = length(value) THEN value
    ELSE translate(regexp_replace(normalize(value, NFKD), '[\u0300-\u036f]', '', 'g'), 'ØøĐđĦħıŁłŦŧÐð', 'OoDdHhiLlTtDd')
  END
$$;

-- Messages: the words in "searchText" (lib/messages/search-text.ts). Deleted messages and
-- system lines (searchText null) are not in the index and never match. This replaces the
-- unfolded index of the team_inbox migration, which search does not use.
DROP INDEX IF EXISTS "Message_searchText_fts_idx";
CREATE INDEX "Message_search_idx" ON "Message"
  USING GIN (to_tsvector('simple', search_fold("searchText")))
  WHERE "searchText" IS NOT NULL AND "deletedAt" IS NULL;

-- Contacts: name, @username, and the parts of the username ("jane.doe" is one word to the parser,
-- and "doe" should find it too). lib/server/search/search-sql.ts writes the same expression.
CREATE INDEX "Contact_search_idx" ON "Contact"
  USING GIN (to_tsvector('simple', search_fold(
    COALESCE("name", '') || ' ' || COALESCE("username", '') || ' ' || translate(COALESCE("username", ''), '._', '  '))));
