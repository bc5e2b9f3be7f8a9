import { route } from "@/lib/http/route";
import { resetPassword } from "@/lib/server/users/reset-password";
import { userDeps } from "@/lib/http/user-deps";
import { ZResetPassword, ZPasswordResetAnswer } from "@/lib/users/schemas";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, body: ZResetPassword, response: ZPasswordResetAnswer },
  async ({ runtime, body, params, announce }) => {
    announce(await resetPassword(userDeps(runtime), params.id, body.password));
    return { reset: true } as const;
  },
);
