import { ZCreateLabel } from "@/lib/labels/schemas";
import { route } from "@/lib/http/route";
import { announceLabels } from "@/lib/realtime/emit-team-events";
import { createLabel } from "@/lib/server/labels/create-label";
import { listLabels } from "@/lib/server/labels/list-labels";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, async ({ runtime }) => ({ labels: await listLabels(runtime.db.prisma) }));

/** A new label; 409 when one has the name already, whatever the case. */
export const POST = route({ access: "admin", body: ZCreateLabel }, async ({ runtime, body }) => {
  const label = await createLabel(runtime.db.prisma, body);
  await announceLabels(runtime.db.prisma);
  return { label };
});
