import type { PrismaClient } from "../../db/generated/client";

export interface TSavedReplyDeps {
  prisma: PrismaClient;
}
