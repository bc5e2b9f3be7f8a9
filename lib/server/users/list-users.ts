import type { TUserView } from "../../users/schemas";
import { toUserView } from "./to-user-view";
import type { TUserPresenceDeps } from "./user-deps";

export async function listUsers({ prisma, onlineUserIds }: TUserPresenceDeps): Promise<TUserView[]> {
  const [rows, online] = await Promise.all([
    prisma.user.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }),
    onlineUserIds(),
  ]);
  return rows.map((row) => toUserView(row, online.has(row.id)));
}
