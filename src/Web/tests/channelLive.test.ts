import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { logFrom, type ChannelMessage } from "../src/realtime/channel";
import { onlineByChannel, pinnedOf, presenceMoved, presentNow, quickEmoji, reactionsShown, readCount, shouldSendTyping, typingNow, typingSendEveryMs, typingShownMs } from "../src/realtime/channelLive";

function msg(id: string, extra: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    id, channelId: "c", authorId: "an", threadRootId: null, body: "tin " + id, priority: "NORMAL", mentions: [], mentionsChannel: false,
    reactions: [], pinned: false, replyCount: 0, acknowledgedCount: 0, edited: false, deleted: false,
    postedAt: `2026-12-06T08:00:0${id.length}Z`, version: 1, ...extra,
  };
}

describe("what a channel screen shows besides its messages", () => {
  it("reactions: the fixed emoji with counts, mine marked, another emoji someone used after them", () => {
    const m = msg("a", { reactions: [{ emoji: "👍", count: 2, personIds: ["me", "an"] }, { emoji: "👀", count: 1, personIds: ["an"] }] });
    const shown = reactionsShown(m, "me");
    assert.deepEqual(shown.map((r) => r.emoji), [...quickEmoji, "👀"]);
    assert.deepEqual(shown[0], { emoji: "👍", count: 2, mine: true });
    assert.deepEqual(shown[1], { emoji: "❤️", count: 0, mine: false });
    assert.deepEqual(shown.at(-1), { emoji: "👀", count: 1, mine: false });
  });

  it("typing: shown for a few seconds after the last event, never me; sent again only after a pause", () => {
    const now = 100_000;
    assert.deepEqual(typingNow({ an: now - 1000, binh: now - typingShownMs, me: now }, now, "me"), ["an"]);
    assert.equal(shouldSendTyping(now - typingSendEveryMs + 1, now), false);
    assert.equal(shouldSendTyping(now - typingSendEveryMs, now), true);
  });

  it("pinned: the pinned messages held, newest first, none deleted", () => {
    const log = logFrom("c", 3, [msg("a", { pinned: true }), msg("bb", { pinned: true }), msg("ccc"), msg("dddd", { pinned: true, deleted: true })]);
    assert.deepEqual(pinnedOf(log).map((m) => m.id), ["bb", "a"]);
  });

  it("presence: who else is online or away", () => {
    assert.deepEqual(presentNow({ me: "ONLINE", an: "AWAY", binh: "OFFLINE", cuong: "ONLINE" }, "me"), ["an", "cuong"]);
  });

  it("read receipts: the others whose last read reached the message's posted version", () => {
    assert.equal(readCount({ an: 5, binh: 4, cuong: 9, me: 9 }, 5, "me"), 2);
  });
});

describe("the channel list's presence", () => {
  const online = onlineByChannel([
    { channelId: "cross", online: ["binh", "an"] },
    { channelId: "direct", online: ["binh"] },
  ]);

  it("drops someone gone offline from every channel, and reads nothing again", () => {
    const r = presenceMoved(online, { personId: "binh", status: "OFFLINE" });
    assert.deepEqual(r, { online: { cross: ["an"], direct: [] }, reread: false });
  });

  it("reads again when someone comes online who is in none of the lists", () => {
    assert.equal(presenceMoved(online, { personId: "cuong", status: "ONLINE" }).reread, true);
  });

  it("keeps the lists when someone already counted goes away (still connected) or an unknown goes offline", () => {
    assert.deepEqual(presenceMoved(online, { personId: "an", status: "AWAY" }), { online, reread: false });
    assert.deepEqual(presenceMoved(online, { personId: "dung", status: "OFFLINE" }), { online, reread: false });
  });
});
