import { describe, expect, it } from "vitest";
import fixture from "../fixtures/spec-examples.json" with { type: "json" };
import { ZCmSendRequest } from "./send-request";
import { validateInstagramMessage } from "../validate-instagram-message";

describe("send request schema", () => {
  it.each(Object.entries(fixture.examples))("accepts the spec's example %s", (_name, example) => {
    const parsed = ZCmSendRequest.safeParse(example);
    expect(parsed.success).toBe(true);
  });

  it("reads the spec's lowercase `producttoken` as productToken", () => {
    const parsed = ZCmSendRequest.parse(fixture.examples.text);
    expect(parsed.messages.authentication?.productToken).toBe("Your product token");
  });

  it("keeps the spec's examples within Instagram's limits", () => {
    for (const example of Object.values(fixture.examples)) {
      for (const msg of ZCmSendRequest.parse(example).messages.msg) {
        expect(validateInstagramMessage(msg).problems).toEqual([]);
      }
    }
  });

  it("takes `msg` as a single object and `postbackData` in any casing, keeping unknown keys", () => {
    const parsed = ZCmSendRequest.parse({
      messages: {
        msg: {
          from: "1",
          to: [{ number: "2" }],
          customgrouping3: "sdk",
          $type: "kept",
          richContent: {
            conversation: [{ text: "hi", suggestions: [{ action: "reply", label: "A", postbackData: "a" }] }],
          },
        },
      },
    });
    const msg = parsed.messages.msg[0]!;
    expect(msg.customGrouping3).toBe("sdk");
    expect(msg["$type"]).toBe("kept");
    expect(msg.richContent?.conversation?.[0]?.suggestions?.[0]?.postbackdata).toBe("a");
  });

  it("rejects a message without recipients list", () => {
    expect(ZCmSendRequest.safeParse({ messages: { msg: [{ from: "1" }] } }).success).toBe(false);
  });
});
