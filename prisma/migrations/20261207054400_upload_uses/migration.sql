-- Uploads tied to what uses them (issue 20), hand-written: Prisma has no words for triggers.
-- A message or a saved reply uses an upload when its content links to it (PUBLIC_URL/media/<id>,
-- the id being 43 base64url characters). Triggers keep MessageUpload and SavedReplyUpload equal
-- to the content on every insert and on every change of content, whatever path stores it, and
-- their foreign keys refuse to delete an upload in use. Only ids of existing uploads are
-- recorded: a link to another site or to an upload already gone is no use.
-- The functions' bodies are escaped strings (\073 for each semicolon): Prisma's PostgreSQL
-- adapter splits a migration at every semicolon, even inside quotes.

CREATE FUNCTION "message_upload_uses"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'UPDATE\' THEN
    DELETE FROM "MessageUpload" WHERE "messageId" = NEW."id"\073
  END IF\073
  INSERT INTO "MessageUpload" ("messageId", "uploadId")
  SELECT DISTINCT NEW."id", u."id" FROM "Upload" u
  WHERE u."id" IN (SELECT x[1] FROM regexp_matches(NEW."content"::text, \'/media/([A-Za-z0-9_-]{43})\', \'g\') AS x)
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END
';

CREATE FUNCTION "saved_reply_upload_uses"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'UPDATE\' THEN
    DELETE FROM "SavedReplyUpload" WHERE "savedReplyId" = NEW."id"\073
  END IF\073
  INSERT INTO "SavedReplyUpload" ("savedReplyId", "uploadId")
  SELECT DISTINCT NEW."id", u."id" FROM "Upload" u
  WHERE u."id" IN (SELECT x[1] FROM regexp_matches(NEW."content"::text, \'/media/([A-Za-z0-9_-]{43})\', \'g\') AS x)
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END
';

-- The intake stores inbound messages in bulk: the WHEN clause keeps the function off every row
-- whose content has no /media/ link at all (nearly all of them).
CREATE TRIGGER "Message_upload_uses_insert" AFTER INSERT ON "Message"
  FOR EACH ROW WHEN (NEW."content"::text LIKE '%/media/%') EXECUTE FUNCTION "message_upload_uses"();
CREATE TRIGGER "Message_upload_uses_update" AFTER UPDATE OF "content" ON "Message"
  FOR EACH ROW WHEN (OLD."content" IS DISTINCT FROM NEW."content") EXECUTE FUNCTION "message_upload_uses"();
CREATE TRIGGER "SavedReply_upload_uses_insert" AFTER INSERT ON "SavedReply"
  FOR EACH ROW WHEN (NEW."content"::text LIKE '%/media/%') EXECUTE FUNCTION "saved_reply_upload_uses"();
CREATE TRIGGER "SavedReply_upload_uses_update" AFTER UPDATE OF "content" ON "SavedReply"
  FOR EACH ROW WHEN (OLD."content" IS DISTINCT FROM NEW."content") EXECUTE FUNCTION "saved_reply_upload_uses"();

-- What already links to an upload, once: a full read of messages whose content names /media/.
INSERT INTO "MessageUpload" ("messageId", "uploadId")
SELECT DISTINCT m."id", u."id" FROM "Message" m
CROSS JOIN LATERAL regexp_matches(m."content"::text, '/media/([A-Za-z0-9_-]{43})', 'g') AS x
JOIN "Upload" u ON u."id" = x[1]
WHERE m."content"::text LIKE '%/media/%'
ON CONFLICT DO NOTHING;

INSERT INTO "SavedReplyUpload" ("savedReplyId", "uploadId")
SELECT DISTINCT s."id", u."id" FROM "SavedReply" s
CROSS JOIN LATERAL regexp_matches(s."content"::text, '/media/([A-Za-z0-9_-]{43})', 'g') AS x
JOIN "Upload" u ON u."id" = x[1]
WHERE s."content"::text LIKE '%/media/%'
ON CONFLICT DO NOTHING;
