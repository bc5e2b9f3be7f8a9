import { ZSetMembership, ZMembershipList, ZMembershipAnswer } from "@/lib/access/schemas";
import { route } from "@/lib/http/route";
import { listMemberships } from "@/lib/server/access/list-memberships";
import { setMembership } from "@/lib/server/access/set-membership";

export const dynamic = "force-dynamic";

/** Which agent works which account (admins see every account and are never listed). */
export const GET = route({ access: "admin", response: ZMembershipList }, async ({ runtime }) => ({
  memberships: await listMemberships(runtime.db.prisma),
}));

/** Adds (`member: true`) or removes an agent's membership of an account; the agent's inbox follows live. */
export const PUT = route(
  { access: "admin", body: ZSetMembership, response: ZMembershipAnswer },
  async ({ runtime, body, announce }) => {
    const { membership, effect } = await setMembership(runtime.db.prisma, body);
    announce(effect);
    return { membership };
  },
);
