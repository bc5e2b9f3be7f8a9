import type { TUserView } from "../../users/schemas";

export interface TUserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  banned: boolean | null;
  createdAt: Date;
}

export function toUserView(row: TUserRow, online: boolean): TUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === "admin" ? "admin" : "agent",
    active: !row.banned,
    online,
    createdAt: row.createdAt.toISOString(),
  };
}
