"use client";

import { useQuery } from "@tanstack/react-query";
import { usersQuery } from "@/lib/queries/admin";
import { usePresenceRefresh } from "./use-presence-refresh";
import { UserRow } from "./user-row";

export function UserTable() {
  // Asked again when a socket comes or goes, and polled (usersQuery.refetchInterval) besides.
  const query = useQuery(usersQuery);
  usePresenceRefresh();

  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-neutral-500">
        Loading people…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>The people could not be loaded: {query.error.message}</p>
        <button type="button" className="mt-2 font-medium underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-md border border-neutral-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">People who can sign in</caption>
        <thead className="bg-neutral-50 text-xs text-neutral-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Accounts
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Presence
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {query.data.map((user) => (
            <UserRow key={user.id} user={user} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
