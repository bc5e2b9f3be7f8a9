import { parseArgs } from "node:util";

// Plays the customer against a running simulator from the shell, e.g.
//   tsx simulator/customer-cli.ts --account 17841400000000000 --from 6543210987654321 --text "hi"
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --image
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --quick-reply "Size 42" --postback SIZE_42
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --story-reply --text "love it"
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --audio          (the simulator's sample)
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --video --expired (a link that 404s)
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --share reel --share-title "Boots"
//   tsx simulator/customer-cli.ts --account 1784… --from 6543… --event StoryMention

const USAGE = `usage: customer-cli --account <igAccountId|token> --from <igsid> [options]
  --url <simulator url>      default $CM_SIMULATOR_URL or http://127.0.0.1:4010
  --name <name> --username <handle>
  --text <text>
  --image [--image-url <url>] [--content-type <mime>]
  --quick-reply <label> --postback <data>
  --story-reply [--story-url <url>]
  --audio | --video | --file [--media-url <url>] [--content-type <mime>] [--expired]
  --share <post|reel|story> [--share-url <url>] [--share-title <title>]
  --event <StoryMention|MessageDelete> [--message-reference <ref>]`;

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    account: { type: "string" },
    from: { type: "string" },
    name: { type: "string", default: "" },
    username: { type: "string", default: "" },
    text: { type: "string" },
    image: { type: "boolean", default: false },
    "image-url": { type: "string" },
    "content-type": { type: "string" },
    "quick-reply": { type: "string" },
    postback: { type: "string" },
    "story-reply": { type: "boolean", default: false },
    "story-url": { type: "string" },
    audio: { type: "boolean", default: false },
    video: { type: "boolean", default: false },
    file: { type: "boolean", default: false },
    "media-url": { type: "string" },
    expired: { type: "boolean", default: false },
    share: { type: "string" },
    "share-url": { type: "string" },
    "share-title": { type: "string" },
    event: { type: "string" },
    "message-reference": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help || values.account === undefined || values.from === undefined) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const base = (values.url ?? process.env["CM_SIMULATOR_URL"] ?? "http://127.0.0.1:4010").replace(/\/+$/, "");
const [path, body] =
  values.event !== undefined
    ? [
        "/_sim/customer/event",
        {
          account: values.account,
          from: values.from,
          type: values.event,
          messageReference: values["message-reference"],
        },
      ]
    : [
        "/_sim/customer/message",
        {
          account: values.account,
          from: { igsid: values.from, name: values.name, username: values.username },
          text: values.text,
          image:
            values.image || values["image-url"]
              ? { url: values["image-url"], contentType: values["content-type"] }
              : undefined,
          ...Object.fromEntries(
            (["audio", "video", "file"] as const)
              .filter((kind) => values[kind])
              .map((kind) => [
                kind,
                { url: values["media-url"], contentType: values["content-type"], expired: values.expired || undefined },
              ]),
          ),
          share:
            values.share === undefined
              ? undefined
              : { type: values.share, url: values["share-url"], title: values["share-title"] },
          quickReply:
            values["quick-reply"] === undefined
              ? undefined
              : { label: values["quick-reply"], postbackData: values.postback ?? values["quick-reply"] },
          storyReply:
            values["story-reply"] || values["story-url"]
              ? { storyUrl: values["story-url"], text: values.text }
              : undefined,
        },
      ];

const res = await fetch(`${base}${path}`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
const answer = (await res.json()) as unknown;
console.log(JSON.stringify(answer, null, 2));
process.exit(res.ok ? 0 : 1);
