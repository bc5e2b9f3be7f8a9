import type { TAuth } from "../../auth/create-auth";
import type { PrismaClient } from "../../db/generated/client";
import type { TIo } from "../../runtime";

export interface TUserDeps {
  prisma: PrismaClient;
  auth: TAuth;
  io: TIo | undefined;
}
