import { AppError } from "../../errors";
import { disconnectUser } from "../../realtime/presence";
import type { TUserDeps } from "./user-deps";

/** Sets a new password chosen by an admin and ends the user's sessions. */
export async function resetPassword({ prisma, auth, io }: TUserDeps, userId: string, password: string): Promise<void> {
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  await prisma.$transaction(async (tx) => {
    const credential = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (!credential) throw new AppError("NOT_FOUND", "This user has no password sign-in.");
    await tx.account.update({ where: { id: credential.id }, data: { password: hash } });
    await tx.session.deleteMany({ where: { userId } });
  });
  disconnectUser(io, userId, "Your password was reset by an administrator.");
}
