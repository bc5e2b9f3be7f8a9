import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageUser } from "@/lib/http/page-session";

/** Admin pages: the role is checked here, on the server, and again by every admin route. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  if (user.role !== "admin") {
    return (
      <main className="mx-auto max-w-md p-10 text-center">
        <h1 className="text-lg font-semibold">Admins only</h1>
        <p className="mt-2 text-sm text-neutral-600">
          Your account ({user.email}) is an agent account. Ask an admin if you need to link accounts or manage agents.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
          Back to the inbox
        </Link>
      </main>
    );
  }
  return (
    <div className="mx-auto max-w-5xl p-6">
      <AdminNav />
      {children}
    </div>
  );
}
