import { route } from "@/lib/http/route";
import { resetPassword } from "@/lib/server/users/reset-password";
import { userDeps } from "@/lib/server/users/user-deps-from-runtime";
import { ZResetPassword } from "@/lib/users/schemas";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, body: ZResetPassword },
  async ({ runtime, body, params }) => {
    await resetPassword(userDeps(runtime), params.id, body.password);
    return { reset: true };
  },
);
