import { route } from "@/lib/http/route";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { userDeps } from "@/lib/http/user-deps";
import { ZCreateUser, ZUserList, ZUserAnswer } from "@/lib/users/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", response: ZUserList }, async ({ runtime }) => ({
  users: await listUsers(userDeps(runtime)),
}));

export const POST = route({ access: "admin", body: ZCreateUser, response: ZUserAnswer }, async ({ runtime, body }) => ({
  user: await createUser(userDeps(runtime), body),
}));
