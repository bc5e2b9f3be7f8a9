-- AlterTable
ALTER TABLE "InstagramAccount" ADD COLUMN     "humanAgentTag" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "tag" TEXT;
