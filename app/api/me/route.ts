import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "signed-in" }, async ({ user }) => ({ user }));
