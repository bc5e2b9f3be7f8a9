import { route } from "@/lib/http/route";
import { ZLabelList } from "@/lib/labels/schemas";
import { listLabels } from "@/lib/server/labels/list-labels";

export const dynamic = "force-dynamic";

/** Every label, for the list's filter and the conversation's Labels menu (any signed-in user). */
export const GET = route({ access: "signed-in", response: ZLabelList }, async ({ runtime }) => ({
  labels: await listLabels(runtime.db.prisma),
}));
