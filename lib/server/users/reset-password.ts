import { AppError } from "../../errors";
import type { TUserSignedOut } from "../../effects/effects";
import type { TUserDeps } from "./user-deps";

/** Sets a new password chosen by an admin and ends the user's sessions (the effect closes their live connections). */
export async function resetPassword(
  { prisma, auth }: TUserDeps,
  userId: string,
  password: string,
): Promise<TUserSignedOut> {
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  await prisma.$transaction(async (tx) => {
    const credential = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (!credential) throw new AppError("NOT_FOUND", "This user has no password sign-in.");
    await tx.account.update({ where: { id: credential.id }, data: { password: hash } });
    await tx.session.deleteMany({ where: { userId } });
  });
  return { kind: "user-signed-out", userId, reason: "Your password was reset by an administrator." };
}
