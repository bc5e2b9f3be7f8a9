-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- Messages stored before this migration keep the order they were shown in (sentAt, then id)
UPDATE "Message" m SET "seq" = o."n"
FROM (SELECT "id", row_number() OVER (ORDER BY "sentAt", "id") AS "n" FROM "Message") o
WHERE o."id" = m."id";

SELECT setval(pg_get_serial_sequence('"Message"', 'seq'), COALESCE((SELECT max("seq") FROM "Message"), 0) + 1, false);

-- CreateIndex
CREATE UNIQUE INDEX "Message_seq_key" ON "Message"("seq");

-- CreateIndex
CREATE INDEX "Message_conversationId_seq_idx" ON "Message"("conversationId", "seq");
