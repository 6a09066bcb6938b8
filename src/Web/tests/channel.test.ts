import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  applyEvent, canPost, complete, countEvent, logFrom, mentionQuery, mentionsIn, suggest, withReplies,
  type ChannelEvent, type ChannelMessage, type ChannelSummary,
} from "../src/realtime/channel";
import { Sequencer } from "../src/realtime/sequencer";

const me = "me";
const other = "an";

function msg(id: string, version: number, extra: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    id, channelId: "c", authorId: other, threadRootId: null, body: "tin " + id, priority: "NORMAL", mentions: [], mentionsChannel: false,
    reactions: [], pinned: false, replyCount: 0, acknowledgedCount: 0, edited: false, deleted: false,
    postedAt: `2026-12-06T08:00:${String(version).padStart(2, "0")}Z`, version, ...extra,
  };
}
const ev = (version: number, kind: string, m: ChannelMessage, channelId = "c"): ChannelEvent =>
  ({ channelId, version, kind, actorId: m.authorId, at: m.postedAt, message: { ...m, channelId, version } });

describe("a channel's messages moved on by the hub's events", () => {
  it("a new message joins the main list once; the same version again changes nothing", () => {
    let log = logFrom("c", 2, [msg("a", 1), msg("b", 2)]);
    log = applyEvent(log, ev(3, "POSTED", msg("x", 3)));
    log = applyEvent(log, ev(3, "POSTED", msg("x", 3)));
    assert.deepEqual(log.main, ["a", "b", "x"]);
    assert.equal(log.version, 3);
  });

  it("a reply goes to its thread, counts on its root, and stays out of the main list", () => {
    let log = logFrom("c", 1, [msg("a", 1)]);
    log = applyEvent(log, ev(2, "POSTED", msg("r", 2, { threadRootId: "a" })));
    assert.deepEqual(log.main, ["a"]);
    assert.deepEqual(log.replies.a, ["r"]);
    assert.equal(log.byId.a!.replyCount, 1);
    // The thread read through GraphQL afterwards: each reply once, in order.
    log = withReplies(log, "a", [msg("q", 1, { threadRootId: "a", postedAt: "2026-12-06T07:00:00Z" }), msg("r", 2, { threadRootId: "a" })]);
    assert.deepEqual(log.replies.a, ["q", "r"]);
  });

  it("an acknowledgement or an edit replaces the message as it is now, in place", () => {
    let log = logFrom("c", 1, [msg("a", 1, { priority: "IMPORTANT" })]);
    log = applyEvent(log, ev(2, "ACKNOWLEDGED", msg("a", 2, { priority: "IMPORTANT", acknowledgedCount: 1 })));
    log = applyEvent(log, ev(3, "EDITED", msg("a", 3, { priority: "IMPORTANT", acknowledgedCount: 1, body: "sửa", edited: true })));
    assert.deepEqual(log.main, ["a"]);
    assert.equal(log.byId.a!.acknowledgedCount, 1);
    assert.equal(log.byId.a!.body, "sửa");
  });

  it("with a Sequencer, events arriving out of order and twice apply once, in order", () => {
    let log = logFrom("c", 1, [msg("a", 1)]);
    const seq = new Sequencer<ChannelEvent>(1);
    for (const e of [ev(3, "POSTED", msg("y", 3)), ev(2, "POSTED", msg("x", 2)), ev(3, "POSTED", msg("y", 3))])
      for (const ready of seq.offer(e)) log = applyEvent(log, ready);
    assert.deepEqual(log.main, ["a", "x", "y"]);
    assert.equal(seq.hasGap, false);
  });
});

describe("the channel list's badges", () => {
  const list: ChannelSummary[] = [{ id: "c", version: 5, unread: { count: 0, mentions: 0 } }, { id: "d", version: 1, unread: { count: 2, mentions: 0 } }];

  it("another member's new message is unread; one that names me or the channel is a mention too", () => {
    let r = countEvent(list, ev(6, "POSTED", msg("x", 6)), me);
    r = countEvent(r.list, ev(7, "POSTED", msg("y", 7, { mentions: [me] })), me);
    r = countEvent(r.list, ev(8, "POSTED", msg("z", 8, { mentionsChannel: true })), me);
    assert.deepEqual(r.list[0]!.unread, { count: 3, mentions: 2 });
    assert.equal(r.resync, false);
  });

  it("my own messages, edits, acknowledgements, a seen version and the channel I am reading count nothing", () => {
    let r = countEvent(list, ev(6, "POSTED", msg("x", 6, { authorId: me })), me);
    r = countEvent(r.list, ev(7, "ACKNOWLEDGED", msg("a", 7)), me);
    r = countEvent(r.list, ev(7, "POSTED", msg("b", 7)), me);
    r = countEvent(r.list, ev(8, "POSTED", msg("c", 8)), me, "c");
    assert.deepEqual(r.list[0]!.unread, { count: 0, mentions: 0 });
    assert.equal(r.list[0]!.version, 8);
  });

  it("a skipped version, or a channel the list does not have, asks for the list again", () => {
    assert.equal(countEvent(list, ev(9, "POSTED", msg("x", 9)), me).resync, true);
    assert.equal(countEvent(list, ev(1, "POSTED", msg("x", 1), "new"), me).resync, true);
  });

  it("archived channels and a reader's seat take no posts", () => {
    assert.equal(canPost({ archived: false, myRole: "MEMBER" }), true);
    assert.equal(canPost({ archived: false, myRole: "MODERATOR" }), true);
    assert.equal(canPost({ archived: false, myRole: "READER" }), false);
    assert.equal(canPost({ archived: true, myRole: "MODERATOR" }), false);
  });
});

describe("mentions while typing", () => {
  const members = [{ personId: "p1", name: "Trần Văn Cường" }, { personId: "p2", name: "Lê Thị Hải" }, { personId: me, name: "Tôi" }];

  it("the @word at the end is completed from the members, without diacritics, never me", () => {
    assert.equal(mentionQuery("Nhờ @cuo"), "cuo");
    assert.equal(mentionQuery("email a@b"), null);
    assert.equal(mentionQuery("@"), "");
    assert.deepEqual(suggest(members, "cuo", me).map((p) => p.personId), ["p1"]);
    assert.deepEqual(suggest(members, "hai", me).map((p) => p.personId), ["p2"]);
    assert.deepEqual(suggest(members, "", me).map((p) => p.personId), ["p1", "p2"]);
    assert.equal(complete("Nhờ @cuo", "Trần Văn Cường"), "Nhờ @Trần Văn Cường ");
  });

  it("a post mentions the chosen people still named in its text, and @kênh the whole channel", () => {
    const chosen = [members[0]!, members[1]!];
    assert.deepEqual(mentionsIn("@Trần Văn Cường xem giúp", chosen), { mentions: ["p1"], mentionsChannel: false });
    assert.deepEqual(mentionsIn("Báo @kênh: họp lúc 8 giờ", []), { mentions: [], mentionsChannel: true });
    assert.equal(mentionsIn("email@kênh", []).mentionsChannel, false);
  });
});
