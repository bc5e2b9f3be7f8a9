import { route } from "@/lib/http/route";
import { ZMeAnswer } from "@/lib/users/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ access: "signed-in", response: ZMeAnswer }, async ({ user }) => ({ user }));
