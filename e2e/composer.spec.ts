import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { customerWrites, sentMessages } from "./support/simulator";

const newIgsid = () => String(6_000_000_000 + Math.floor(Math.random() * 1e9));

/**
 * A customer writes first (only they can start a chat), then the agent opens the rich composer.
 * The name carries the IGSID's tail so that a repeated run finds only its own conversation.
 */
async function openRichComposer(page: Page, request: APIRequestContext, customer: { igsid: string; name: string }) {
  const name = `${customer.name} ${customer.igsid.slice(-6)}`;
  await customerWrites(request, { igsid: customer.igsid, name, username: `user${customer.igsid}`, text: "hi!" });
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("listitem", { name: "Customer: hi!" })).toBeVisible();
  await page.getByRole("button", { name: "Rich message" }).click();
  const composer = page.getByRole("form", { name: "Rich message" });
  return {
    composer,
    editor: composer.getByRole("tabpanel"),
    preview: composer.getByRole("figure", { name: "Preview" }),
    send: composer.getByRole("button", { name: "Send", exact: true }),
    thread: page.getByRole("list", { name: "Messages" }),
  };
}

/** What CM received for this customer, once the app has sent it. */
async function sentTo(request: APIRequestContext, igsid: string, count: number) {
  await expect.poll(async () => (await sentMessages(request, igsid)).length).toBe(count);
  return sentMessages(request, igsid);
}

test("quick replies with the human-agent shortcut: previewed, checked against Instagram's limits, sent", async ({
  page,
  request,
}) => {
  const igsid = newIgsid();
  const { composer, editor, preview, send, thread } = await openRichComposer(page, request, {
    igsid,
    name: "Quinn Quick",
  });
  await expect(composer.getByRole("tab", { name: "Quick replies" })).toHaveAttribute("aria-selected", "true");

  await editor.getByRole("textbox", { name: "Text" }).fill("How can we help?");
  const first = editor.getByRole("group", { name: "Quick reply 1" });
  await first.getByRole("textbox", { name: "Label" }).fill("Track my parcel");
  await first.getByRole("textbox", { name: "Postback data" }).fill("TRACK");
  await editor.getByRole("button", { name: "Offer a human agent" }).click();
  const second = editor.getByRole("group", { name: "Quick reply 2" });
  await expect(second.getByRole("textbox", { name: "Label" })).toHaveValue("Talk to a person");
  await expect(second.getByRole("textbox", { name: "Postback data" })).toHaveValue("HUMAN_AGENT");
  await expect(editor.getByRole("button", { name: "Offer a human agent" })).toBeDisabled();

  await expect(preview).toContainText("How can we help?");
  await expect(preview.getByRole("list", { name: "Quick replies" }).getByRole("listitem")).toHaveText([
    "Track my parcel",
    "Talk to a person",
  ]);
  await expect(send).toBeEnabled();

  // Instagram would cut a 21-character label; the composer refuses it instead.
  const label = first.getByRole("textbox", { name: "Label" });
  await label.fill("Track my parcel now!!");
  await expect(label).toHaveAttribute("aria-invalid", "true");
  await expect(label).toHaveAccessibleDescription(
    "21/20 A quick reply's label can be at most 20 characters on Instagram.",
  );
  await expect(send).toBeDisabled();
  await expect(composer).toContainText(
    "Quick reply 1 label: A quick reply's label can be at most 20 characters on Instagram.",
  );

  await label.fill("Track my parcel");
  await send.click();

  // CM got the spec's quick-reply shape: `suggestions` with lowercase `postbackdata`.
  const [sent] = await sentTo(request, igsid, 1);
  expect(sent?.msg).toMatchObject({
    allowedChannels: ["Instagram"],
    richContent: {
      conversation: [
        {
          text: "How can we help?",
          suggestions: [
            { action: "Reply", label: "Track my parcel", postbackdata: "TRACK" },
            { action: "Reply", label: "Talk to a person", postbackdata: "HUMAN_AGENT" },
          ],
        },
      ],
    },
  });
  const bubble = thread.getByRole("listitem", { name: /^You:/ }).filter({ hasText: "How can we help?" });
  await expect(bubble.getByRole("list", { name: "Quick replies" })).toContainText("Talk to a person");
  await expect(bubble.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();
});

test("a two-card carousel is built, reordered, sent, and shown in the thread as delivered", async ({
  page,
  request,
}) => {
  const igsid = newIgsid();
  const { composer, editor, preview, send, thread } = await openRichComposer(page, request, {
    igsid,
    name: "Cara Carousel",
  });
  await composer.getByRole("tab", { name: "Carousel" }).click();

  const card1 = editor.getByRole("group", { name: "Card 1", exact: true });
  await card1.getByRole("textbox", { name: "Title", exact: true }).fill("Winter boots");
  await card1.getByRole("textbox", { name: "Subtitle" }).fill("From €89");
  const card2 = editor.getByRole("group", { name: "Card 2", exact: true });
  await card2.getByRole("textbox", { name: "Title", exact: true }).fill("Summer sneakers");
  await expect(send).toBeDisabled();
  await expect(composer).toContainText("Card 2: A card needs a subtitle, an image or a button besides its title.");
  await card2.getByRole("button", { name: "Add button" }).click();
  const button = card2.getByRole("group", { name: "Button 1" });
  await button.getByRole("textbox", { name: "Label" }).fill("I want these");
  await button.getByRole("textbox", { name: "Postback data" }).fill("SNEAKERS");

  // The spec's advice: the card with a button goes first.
  await editor.getByRole("button", { name: "Move card 2 left" }).click();
  await expect(card1.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Summer sneakers");
  const previewCards = preview.getByRole("group");
  await expect(previewCards).toHaveCount(2);
  await expect(previewCards.first()).toHaveAccessibleName("Summer sneakers");
  await expect(previewCards.last()).toHaveAccessibleName("Winter boots");

  await expect(send).toBeEnabled();
  await send.click();

  const [sent] = await sentTo(request, igsid, 1);
  // toMatchObject compares arrays whole: exactly these two cards, in this order.
  expect(sent?.msg).toMatchObject({
    richContent: {
      conversation: [
        {
          carousel: {
            cards: [
              {
                header: "Summer sneakers",
                suggestions: [{ action: "Reply", label: "I want these", postbackdata: "SNEAKERS" }],
              },
              { header: "Winter boots", text: "From €89" },
            ],
          },
        },
      ],
    },
  });

  const bubble = thread
    .getByRole("listitem", { name: /^You:/ })
    .filter({ has: page.getByRole("group", { name: "Summer sneakers" }) });
  await expect(bubble.getByRole("group", { name: "Winter boots" })).toBeVisible();
  await expect(bubble.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();
});
