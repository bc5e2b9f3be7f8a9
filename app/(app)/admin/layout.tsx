import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminPage } from "@/lib/http/admin-page";

/** Admin pages: the role is checked here, in each page, and again by every admin route. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    <div className="mx-auto max-w-5xl p-6">
      <AdminNav />
      {children}
    </div>
  );
}
