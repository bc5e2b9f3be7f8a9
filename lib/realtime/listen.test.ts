import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { EVENTS } from "./events";
import { listenValidated, parseInboxChange, type TBrowserSocket } from "./listen";

const fakeSocket = () => new EventEmitter() as unknown as TBrowserSocket & EventEmitter;

describe("the validated listener map", () => {
  it("hands a handler only payloads that fit the event's schema", () => {
    const socket = fakeSocket();
    const mentions: unknown[] = [];
    listenValidated(socket, { [EVENTS.mentionCreated]: (notice) => mentions.push(notice) });
    socket.emit(EVENTS.mentionCreated, { nonsense: true });
    socket.emit(EVENTS.mentionCreated, "not even an object");
    expect(mentions).toEqual([]);
    const notice = {
      conversationId: "c1",
      messageId: "m1",
      authorName: "Ada",
      contactName: "Jane",
      excerpt: "@Bo look",
    };
    socket.emit(EVENTS.mentionCreated, notice);
    expect(mentions).toEqual([notice]);
  });

  it("calls handlers of events without a payload, and stops listening when asked", () => {
    const socket = fakeSocket();
    let told = 0;
    const stop = listenValidated(socket, { [EVENTS.accessChanged]: () => told++ });
    socket.emit(EVENTS.accessChanged);
    expect(told).toBe(1);
    stop();
    socket.emit(EVENTS.accessChanged);
    expect(told).toBe(1);
    expect(socket.listenerCount(EVENTS.accessChanged)).toBe(0);
  });

  it("keeps the items of an inbox change that fit and leaves out those that do not", () => {
    const change = parseInboxChange({ conversations: [{ id: 1 }], created: "x", updated: [{}] });
    expect(change).toEqual({ conversations: [], created: [], updated: [] });
    expect(parseInboxChange(null)).toBeNull();
    expect(parseInboxChange("change")).toBeNull();
  });

  it("passes a valid server status on", () => {
    const socket = fakeSocket();
    const states: string[] = [];
    listenValidated(socket, { [EVENTS.serverStatus]: ({ database }) => states.push(database) });
    socket.emit(EVENTS.serverStatus, { database: "unavailable" });
    socket.emit(EVENTS.serverStatus, { database: "on fire" });
    expect(states).toEqual(["unavailable"]);
  });
});
