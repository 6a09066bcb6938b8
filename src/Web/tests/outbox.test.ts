import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newClientId, Outbox } from "../src/realtime/outbox";

describe("Outbox: chat typed offline", () => {
  it("keeps lines in order with distinct client ids and hands them out oldest first", () => {
    const o = new Outbox();
    const a = o.add("một");
    const b = o.add("hai");
    assert.notEqual(a.clientId, b.clientId);
    assert.deepEqual(o.ready().map((i) => i.text), ["một", "hai"]);
    o.set(a.clientId, { status: "sent" });
    assert.deepEqual(o.items.map((i) => i.text), ["hai"], "a sent line leaves the outbox");
  });

  it("a line cut off mid-send that reached the room is not sent again; one that did not is", () => {
    const o = new Outbox();
    const reached = o.add("xin chào");
    const lost = o.add("xin chào");
    o.cutOff(reached.clientId, 10);
    o.cutOff(lost.clientId, 10);
    // The catch-up shows one line "xin chào" by me after version 10, and an older identical one that does not count.
    o.reconcile("me", [
      { personId: "me", text: "xin chào", version: 9 },
      { personId: "someone", text: "xin chào", version: 11 },
      { personId: "me", text: "xin chào", version: 12 },
    ]);
    assert.deepEqual(o.items.map((i) => [i.clientId, i.status]), [[lost.clientId, "pending"]]);
  });

  it("a refused line stays as not sent until retried", () => {
    const o = new Outbox();
    const a = o.add("bị tắt chat");
    o.set(a.clientId, { status: "failed", error: "MUTED" });
    assert.equal(o.ready().length, 0);
    assert.equal(o.items[0]?.error, "MUTED");
    o.retry(a.clientId);
    assert.deepEqual(o.ready().map((i) => i.text), ["bị tắt chat"]);
  });

  it("client ids do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    assert.equal(ids.size, 1000);
  });
});
