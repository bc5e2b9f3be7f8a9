import { route } from "@/lib/http/route";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { userDeps } from "@/lib/http/user-deps";
import { ZCreateUser } from "@/lib/users/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, async ({ runtime }) => ({ users: await listUsers(userDeps(runtime)) }));

export const POST = route({ access: "admin", body: ZCreateUser }, async ({ runtime, body }) => ({
  user: await createUser(userDeps(runtime), body),
}));
