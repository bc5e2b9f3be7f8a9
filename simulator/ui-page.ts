import type { TSimAccount } from "./accounts";
import type { TRecordedMessage } from "./message-log";

// A tiny page for playing the customer by hand: two forms that call the control API, and the
// messages the "gateway" accepted most recently.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function summary(m: TRecordedMessage): string {
  const first = m.msg.richContent?.conversation?.[0];
  const text =
    m.msg.body?.content ||
    first?.text ||
    first?.header ||
    (first?.carousel ? `carousel of ${first.carousel.cards.length}` : "");
  return `${m.receivedAt} → ${m.to.join(", ")} [${m.reference ?? "-"}] ${text}`;
}

const SCRIPT = `
async function post(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  document.getElementById("result").textContent = res.status + " " + JSON.stringify(await res.json(), null, 2);
}
function val(form, name) { const v = form.elements[name].value.trim(); return v === "" ? undefined : v; }
document.getElementById("msg").addEventListener("submit", (e) => {
  e.preventDefault(); const f = e.target;
  const body = { account: val(f, "account"), from: { igsid: val(f, "igsid"), name: val(f, "name") ?? "", username: val(f, "username") ?? "" } };
  if (val(f, "text")) body.text = val(f, "text");
  const attach = val(f, "attachment"), url = val(f, "mediaUrl"), expired = f.elements.expired.checked;
  if (attach && attach.startsWith("share:")) body.share = { type: attach.slice(6), ...(url ? { url } : {}), ...(val(f, "shareTitle") ? { title: val(f, "shareTitle") } : {}) };
  else if (attach) body[attach] = { ...(url ? { url } : {}), ...(expired ? { expired: true } : {}) };
  if (val(f, "qrLabel")) body.quickReply = { label: val(f, "qrLabel"), postbackData: val(f, "qrPostback") ?? "" };
  if (f.elements.story.checked) body.storyReply = { text: val(f, "text") };
  post("/_sim/customer/message", body);
});
document.getElementById("evt").addEventListener("submit", (e) => {
  e.preventDefault(); const f = e.target;
  post("/_sim/customer/event", { account: val(f, "account"), from: val(f, "igsid"), type: val(f, "type"), messageReference: val(f, "messageReference") });
});`;

export function renderUiPage(accounts: readonly TSimAccount[], recent: readonly TRecordedMessage[]): string {
  const options = accounts
    .map((a) => `<option value="${escape(a.igAccountId)}">${escape(a.name ?? a.igAccountId)}</option>`)
    .join("");
  const rows = recent.map((m) => `<li><code>${escape(summary(m))}</code></li>`).join("") || "<li>none yet</li>";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CM simulator</title>
<style>body{font:14px system-ui;margin:2rem;max-width:60rem}label{display:block;margin:.3rem 0}fieldset{margin:1rem 0}pre{background:#f4f4f4;padding:.5rem}</style></head>
<body><h1>CM gateway simulator</h1>
<form id="msg"><fieldset><legend>Customer sends a message</legend>
<label>Account <select name="account">${options}</select></label>
<label>Customer IGSID <input name="igsid" required pattern="\\d+" value="6543210987654321"></label>
<label>Name <input name="name" value="Jane Doe"></label> <label>Username <input name="username" value="jane.doe"></label>
<label>Text <input name="text" size="60"></label>
<label>Attachment <select name="attachment"><option value="">none</option><option value="image">image</option><option value="audio">voice note</option><option value="video">video</option><option value="file">file</option><option value="share:post">shared post</option><option value="share:reel">shared reel</option><option value="share:story">shared story</option></select></label>
<label>Attachment URL (blank = the simulator's sample; a Meta-CDN-like link for an image) <input name="mediaUrl" size="50"></label>
<label><input type="checkbox" name="expired"> Expired link (answers 404, as an expired CDN link does)</label>
<label>Shared post's title <input name="shareTitle"></label>
<label>Quick-reply label <input name="qrLabel"></label> <label>postback <input name="qrPostback" placeholder="e.g. HUMAN_AGENT"></label>
<label><input type="checkbox" name="story"> Story reply (the text replies to a story)</label>
<button>Send to the messages webhook</button></fieldset></form>
<form id="evt"><fieldset><legend>Customer event</legend>
<label>Account <select name="account">${options}</select></label>
<label>Customer IGSID <input name="igsid" required pattern="\\d+" value="6543210987654321"></label>
<label>Type <select name="type"><option>StoryMention</option><option>MessageDelete</option></select></label>
<label>Deleted message reference <input name="messageReference" placeholder="blank = the customer's last message"></label>
<button>Send to the events webhook</button></fieldset></form>
<h2>Result</h2><pre id="result"></pre>
<h2>Recently sent by the app</h2><ul>${rows}</ul>
<script>${SCRIPT}</script></body></html>`;
}
