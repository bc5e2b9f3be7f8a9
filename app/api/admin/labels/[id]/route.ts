import { ZUpdateLabel, ZLabelAnswer } from "@/lib/labels/schemas";
import { route } from "@/lib/http/route";
import { ZDeletedAnswer } from "@/lib/http/answers";
import { deleteLabel } from "@/lib/server/labels/delete-label";
import { labelsChanged } from "@/lib/server/labels/labels-changed";
import { updateLabel } from "@/lib/server/labels/update-label";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** Rename or recolour; 409 when another label has the name, whatever the case. */
export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateLabel, response: ZLabelAnswer },
  async ({ runtime, body, params, announce }) => {
    const label = await updateLabel(runtime.db.prisma, { id: params.id, input: body });
    announce(await labelsChanged(runtime.db.prisma));
    return { label };
  },
);

/** Deletes the label and takes it off every conversation. */
export const DELETE = route(
  { access: "admin", params: ZIdParams, response: ZDeletedAnswer },
  async ({ runtime, params, announce }) => {
    await deleteLabel(runtime.db.prisma, { id: params.id });
    announce(await labelsChanged(runtime.db.prisma));
    return { deleted: true } as const;
  },
);
