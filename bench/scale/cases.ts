// What the scale benchmark times: every operation of issue 20's table, as the browser calls
// it (the same routes and page sizes: lib/queries), as an admin and as an agent of one account.
import { SCALE_PREFIX } from "./history";

export type TWho = "admin" | "agent";
export type TCase = { name: string; path: string; who: TWho; target: number };

export const TARGETS = { list: 50, counts: 30, open: 30, search: 100, contact: 30, pipeline: 200 } as const;

const VIEWS = ["mine", "unassigned", "all"] as const;
const SORTS = ["newest", "waiting", "closing", "sla"] as const;
const SEARCHES: [string, string][] = [
  ["very common word", "thanks"],
  ["common word", "order"],
  ["prefix", "deliv"],
  ["short prefix", "th"],
  ["one letter", "a"],
  ["two common words", "thanks please"],
  ["rare word", "zeppelin"],
  ["uncommon word", "quokka"],
  ["two words", "refund order"],
  ["contact name", "maria garcia"],
  ["@username", "@maria.garcia"],
  ["without its accent", "zurich"],
];

export type TCaseIds = {
  /** A long thread the agent may see. */
  longThread: string;
  /** A message in its middle. */
  longThreadMiddle: string;
  /** An ordinary conversation the agent may see. */
  conversation: string;
  /** A message found by searching, and its conversation. */
  searched: { conversationId: string; messageId: string };
};

export function scaleCases(ids: TCaseIds): TCase[] {
  const p = SCALE_PREFIX;
  const cases: TCase[] = [];
  for (const who of ["admin", "agent"] as const) {
    const account = who === "admin" ? `${p}-a1` : `${p}-a0`;
    const list = (name: string, query: string) =>
      cases.push({
        name: `list ${name} (${who})`,
        path: `/api/conversations?limit=50&${query}`,
        who,
        target: TARGETS.list,
      });
    for (const view of VIEWS) for (const sort of SORTS) list(`${view}, ${sort}`, `view=${view}&sort=${sort}`);
    list("all, every status", "view=all&status=all");
    list("all, resolved", "view=all&status=resolved");
    list("all, label", `view=all&label=${p}-l2`);
    list("all, account", `view=all&account=${account}`);
    list("all, window open, waiting", "view=all&window=open&sort=waiting");
    list("all, handed over", "view=all&handover=1");
    list("mine, every status", "view=mine&status=all");
    list("unassigned, label, closing", `view=unassigned&label=${p}-l3&sort=closing`);
    cases.push({ name: `view counts (${who})`, path: "/api/conversations/counts", who, target: TARGETS.counts });
    cases.push({
      name: `view counts, one account (${who})`,
      path: `/api/conversations/counts?account=${account}`,
      who,
      target: TARGETS.counts,
    });
    const open = (name: string, path: string) =>
      cases.push({ name: `${name} (${who})`, path, who, target: TARGETS.open });
    open("open: conversation", `/api/conversations/${ids.conversation}`);
    open("open: newest messages", `/api/conversations/${ids.conversation}/messages?limit=50`);
    open("open: long thread", `/api/conversations/${ids.longThread}`);
    open("open: long thread, newest messages", `/api/conversations/${ids.longThread}/messages?limit=50`);
    open(
      "open: around a searched message",
      `/api/conversations/${ids.searched.conversationId}/messages?limit=50&around=${ids.searched.messageId}`,
    );
    open(
      "open: long thread, around its middle",
      `/api/conversations/${ids.longThread}/messages?limit=50&around=${ids.longThreadMiddle}`,
    );
    for (const [name, q] of SEARCHES) {
      cases.push({
        name: `search ${name} "${q}" (${who})`,
        path: `/api/search?limit=20&q=${encodeURIComponent(q)}`,
        who,
        target: TARGETS.search,
      });
    }
    const contact = (name: string, id: string) =>
      cases.push({ name: `${name} (${who})`, path: `/api/conversations/${id}/contact`, who, target: TARGETS.contact });
    contact("contact panel", ids.conversation);
    contact("contact panel, long thread", ids.longThread);
  }
  cases.push({ name: "Admin → Pipeline (admin)", path: "/api/admin/pipeline", who: "admin", target: TARGETS.pipeline });
  return cases;
}
