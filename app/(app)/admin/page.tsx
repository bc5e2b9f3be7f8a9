import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/http/admin-page";

export default async function AdminIndex() {
  await requireAdminPage();
  redirect("/admin/accounts");
}
