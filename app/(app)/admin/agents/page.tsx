import type { Metadata } from "next";
import { AddPersonForm } from "@/components/admin/add-person-form";
import { UserTable } from "@/components/admin/user-table";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Agents · Admin · Instagram Inbox" };

export default async function AgentsPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">Agents</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Everyone who can sign in. Agents answer customers of the Instagram accounts ticked in their row; admins see
          every account, link accounts and manage people.
        </p>
      </div>
      <UserTable />
      <AddPersonForm />
    </main>
  );
}
