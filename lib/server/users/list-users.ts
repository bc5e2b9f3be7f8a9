import { listOnlineUserIds } from "../../realtime/presence";
import type { TUserView } from "../../users/schemas";
import { toUserView } from "./to-user-view";
import type { TUserDeps } from "./user-deps";

export async function listUsers({ prisma, io }: TUserDeps): Promise<TUserView[]> {
  const [rows, online] = await Promise.all([
    prisma.user.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }),
    listOnlineUserIds(io),
  ]);
  return rows.map((row) => toUserView(row, online.has(row.id)));
}
