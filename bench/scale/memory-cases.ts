// The heaviest pages and API calls on the large history, for the memory check: a long thread
// read page by page (both ways), searches with many matches read page by page, the inbox list
// read far down, the pipeline, every export (the reports' CSV tables), and the pages themselves.
import type { TCaseIds } from "./cases";
import { pageThrough, repeat, type TMemoryCase } from "./memory";
import { getText } from "./timing";

export function memoryCases(ids: TCaseIds, longThread: number): TMemoryCase[] {
  const thread = `/api/conversations/${ids.longThread}/messages?limit=200`;
  const year = `range=custom&from=${new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`;
  return [
    {
      name: `long thread (${longThread.toLocaleString("en")}), every older page of 200`,
      run: (t) => pageThrough((c) => `${t.baseUrl}${thread}${c ? `&cursor=${c}` : ""}`, t.admin, "nextCursor"),
    },
    {
      name: "long thread from its middle, every newer page of 200",
      run: async (t) => {
        const around = JSON.parse(await getText(`${t.baseUrl}${thread}&around=${ids.longThreadMiddle}`, t.agent)) as {
          newerCursor: string | null;
        };
        if (!around.newerCursor) return 1;
        const first = around.newerCursor;
        return 1 + (await pageThrough((c) => `${t.baseUrl}${thread}&after=${c ?? first}`, t.agent, "newerCursor"));
      },
    },
    {
      name: 'search "thanks", 20 pages of 50 (admin)',
      run: (t) =>
        pageThrough(
          (c) => `${t.baseUrl}/api/search?q=thanks&limit=50${c ? `&cursor=${c}` : ""}`,
          t.admin,
          "nextCursor",
          20,
        ),
    },
    {
      name: 'search "a", 20 pages of 50 (agent)',
      run: (t) =>
        pageThrough((c) => `${t.baseUrl}/api/search?q=a&limit=50${c ? `&cursor=${c}` : ""}`, t.agent, "nextCursor", 20),
    },
    {
      name: "inbox list, every status, 50 pages of 100 (admin)",
      run: (t) =>
        pageThrough(
          (c) => `${t.baseUrl}/api/conversations?view=all&status=all&limit=100${c ? `&cursor=${c}` : ""}`,
          t.admin,
          "nextCursor",
          50,
        ),
    },
    {
      name: "Admin → Pipeline API, 20 times",
      run: (t) => repeat(20, () => getText(`${t.baseUrl}/api/admin/pipeline`, t.admin)),
    },
    {
      name: "exports: reports CSV by agent, account, label (a year), 3 times each",
      run: (t) =>
        repeat(3, async () => {
          for (const by of ["agents", "accounts", "labels"]) {
            await getText(`${t.baseUrl}/api/admin/reports/tables/${by}/csv?${year}`, t.admin);
          }
        }).then((n) => n * 3),
    },
    {
      name: "pages: inbox, long thread, Admin → Pipeline, 5 times each",
      run: (t) =>
        repeat(5, async () => {
          for (const page of ["/", `/c/${ids.longThread}`, "/admin/pipeline"])
            await getText(`${t.baseUrl}${page}`, t.admin);
        }).then((n) => n * 3),
    },
  ];
}
