-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "notesUpdatedByApiTokenId" TEXT;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_notesUpdatedByApiTokenId_fkey" FOREIGN KEY ("notesUpdatedByApiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
