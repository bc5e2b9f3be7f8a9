import { ZCreateLabel, ZLabelList, ZLabelAnswer } from "@/lib/labels/schemas";
import { route } from "@/lib/http/route";
import { createLabel } from "@/lib/server/labels/create-label";
import { labelsChanged } from "@/lib/server/labels/labels-changed";
import { listLabels } from "@/lib/server/labels/list-labels";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", response: ZLabelList }, async ({ runtime }) => ({
  labels: await listLabels(runtime.db.prisma),
}));

/** A new label; 409 when one has the name already, whatever the case. */
export const POST = route(
  { access: "admin", body: ZCreateLabel, response: ZLabelAnswer },
  async ({ runtime, body, announce }) => {
    const label = await createLabel(runtime.db.prisma, body);
    announce(await labelsChanged(runtime.db.prisma));
    return { label };
  },
);
