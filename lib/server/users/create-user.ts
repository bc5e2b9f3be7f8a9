import { APIError } from "better-auth/api";
import { AppError } from "../../errors";
import type { TCreateUser, TUserView } from "../../users/schemas";
import { toUserView } from "./to-user-view";
import type { TUserDeps } from "./user-deps";

/** Creates a user who signs in with email and password (better-auth hashes it with scrypt). */
export async function createUser({ prisma, auth }: TUserDeps, input: TCreateUser): Promise<TUserView> {
  if (await prisma.user.findUnique({ where: { email: input.email } })) {
    throw new AppError("CONFLICT", `A user with the email ${input.email} already exists.`);
  }
  try {
    const { user } = await auth.api.createUser({
      body: { email: input.email, password: input.password, name: input.name, role: input.role },
    });
    return toUserView(await prisma.user.findUniqueOrThrow({ where: { id: user.id } }), false);
  } catch (error) {
    if (error instanceof APIError) throw new AppError("BAD_REQUEST", error.message);
    throw error;
  }
}
