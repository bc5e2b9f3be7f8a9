-- CreateTable
CREATE TABLE "ReportRollup" (
    "timeZone" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "agentId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "opened" INTEGER NOT NULL,
    "reopened" INTEGER NOT NULL,
    "resolved" INTEGER NOT NULL,
    "messagesIn" INTEGER NOT NULL,
    "messagesOut" INTEGER NOT NULL,
    "repliesSent" INTEGER NOT NULL,
    "lostWindows" INTEGER NOT NULL,
    "csatAnswers" INTEGER NOT NULL,
    "csatSatisfied" INTEGER NOT NULL,
    "slaBreaches" INTEGER NOT NULL,
    "slaMeasured" INTEGER NOT NULL,
    "slaMetCount" INTEGER NOT NULL,
    "inHours" INTEGER[],
    "firstResponse" INTEGER[],
    "firstResponseBusiness" INTEGER[],
    "reply" INTEGER[],
    "replyBusiness" INTEGER[],
    "resolution" INTEGER[],
    "resolutionBusiness" INTEGER[],
    "handled" TEXT[],

    CONSTRAINT "ReportRollup_pkey" PRIMARY KEY ("timeZone","accountId","day","agentId","labelId")
);

-- CreateTable
CREATE TABLE "ReportRollupDay" (
    "timeZone" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dirty" BOOLEAN NOT NULL,
    "dirtySince" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportRollupDay_pkey" PRIMARY KEY ("timeZone","accountId","day")
);

-- CreateIndex
CREATE INDEX "ReportRollup_timeZone_labelId_day_idx" ON "ReportRollup"("timeZone", "labelId", "day");

-- CreateIndex
CREATE INDEX "ReportRollupDay_dirty_dirtySince_idx" ON "ReportRollupDay"("dirty", "dirtySince");

-- AddForeignKey
ALTER TABLE "ReportRollup" ADD CONSTRAINT "ReportRollup_timeZone_accountId_day_fkey" FOREIGN KEY ("timeZone", "accountId", "day") REFERENCES "ReportRollupDay"("timeZone", "accountId", "day") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRollupDay" ADD CONSTRAINT "ReportRollupDay_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "InstagramAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
