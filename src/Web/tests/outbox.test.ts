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

  it("a line cut off mid-send that reached the room is not sent again; one that did not is, with the same id", () => {
    const o = new Outbox();
    const reached = o.add("xin chào");
    const lost = o.add("xin chào");
    o.cutOff(reached.clientId, 10);
    o.cutOff(lost.clientId, 10);
    // The catch-up's chat has the first line's id (and an identical text under another id, which does not count).
    o.reconcile(["a-line-of-someone-else", reached.clientId]);
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

  it("client ids are UUIDs and do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
