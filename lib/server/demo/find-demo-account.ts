import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { DEMO_ACCOUNT } from "./demo-fixtures";

export async function findDemoAccountId(prisma: PrismaClient): Promise<string> {
  const account = await prisma.instagramAccount.findUnique({ where: { igAccountId: DEMO_ACCOUNT.igAccountId } });
  if (!account) throw new AppError("NOT_FOUND", "The demo account is not there: restart with DEMO_MODE=true.");
  return account.id;
}
