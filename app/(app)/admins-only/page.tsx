import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/http/page-session";

export const metadata: Metadata = { title: "Admins only · Instagram Inbox" };

/** Where an agent who opens an admin page is sent (lib/http/admin-page.ts), with the reason. */
export default async function AdminsOnlyPage() {
  const user = await requirePageUser();
  return (
    <main className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Admins only</h1>
      <p className="mt-2 text-sm text-neutral-600">
        {user.role === "admin"
          ? "You are an admin: the admin pages are open to you."
          : `Your account (${user.email}) is an agent account. Ask an admin if you need to link accounts or manage agents.`}
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to the inbox
      </Link>
    </main>
  );
}
