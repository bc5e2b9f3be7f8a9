-- The public API's sends and idempotency keys (issue 21). No semicolons in comments: the
-- driver adapter splits a migration at every one.

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "apiTokenId" TEXT;

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("tokenId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
-- Every existing message has none: checking them reads the table once (seconds at millions).
ALTER TABLE "Message" ADD CONSTRAINT "Message_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The messages a token sent, for its foreign key (a token deleted with its creator sets them
-- to none). Hand-written: only the few messages sent through the API are in it.
CREATE INDEX "Message_apiTokenId_idx" ON "Message" ("apiTokenId") WHERE "apiTokenId" IS NOT NULL;
