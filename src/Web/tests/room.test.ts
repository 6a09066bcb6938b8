import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apply, fromSnapshot, MAX_CHAT, openQuestionsByRelay, Sequencer, type RoomEvent, type Snapshot, learnersShown } from "../src/realtime/room";

const me = "00000000-0000-0000-0000-00000000000a";
const host = "00000000-0000-0000-0000-00000000000h";

function snapshot(version = 5): Snapshot {
  return {
    sessionId: "s", classId: "c", version, status: "LIVE", me: { personId: me, role: "LEARNER", muted: false, inLobby: false },
    locked: false, allMuted: false, headcount: 2,
    participants: [
      { personId: host, name: "Cô Lan", role: "HOST", muted: false, handRaised: false },
      { personId: me, name: "Em", role: "LEARNER", muted: false, handRaised: false },
    ],
    lobby: [], material: 0, page: 1, polls: [], hands: [], chat: [], questions: [], relays: [], totalHeadcount: 2,
  };
}

const event = (version: number, type: string, data: Record<string, unknown> = {}): RoomEvent => ({ sessionId: "s", version, type, at: `2026-12-06T05:00:${String(version % 60).padStart(2, "0")}Z`, data });
const chat = (version: number, text = `dòng ${version}`) => event(version, "chatPosted", { messageId: `m${version}`, personId: host, name: "Cô Lan", text });

describe("Sequencer: catch-up by version", () => {
  it("applies the next version at once and drops what it has already seen", () => {
    const s = new Sequencer(5);
    assert.deepEqual(s.offer(chat(6)).map((e) => e.version), [6]);
    assert.deepEqual(s.offer(chat(6)), []);
    assert.deepEqual(s.offer(chat(3)), []);
    assert.equal(s.version, 6);
    assert.equal(s.hasGap, false);
  });

  it("holds a later event until the gap is filled, then gives every one once, in order", () => {
    const s = new Sequencer(5);
    assert.deepEqual(s.offer(chat(8)), []);
    assert.equal(s.hasGap, true);
    assert.deepEqual(s.offer(chat(7)), []);
    // The catch-up answers 6..9 (8 and 7 again among them): each version comes out exactly once.
    const out = [6, 7, 8, 9].flatMap((v) => s.offer(chat(v)));
    assert.deepEqual(out.map((e) => e.version), [6, 7, 8, 9]);
    assert.equal(s.hasGap, false);
  });

  it("a fresh snapshot forgets what it covers and keeps what is later", () => {
    const s = new Sequencer(5);
    s.offer(chat(9));
    s.offer(chat(12));
    s.reset(10);
    assert.deepEqual(s.offer(chat(11)).map((e) => e.version), [11, 12]);
  });

  it("twenty missed lines caught up after a live line arrived first: the room shows each once, in order", () => {
    const s = new Sequencer(5);
    let state = fromSnapshot(snapshot());
    const live = s.offer(chat(26)); // arrives before the catch-up answer
    assert.equal(live.length, 0);
    for (let v = 6; v <= 26; v++) for (const e of s.offer(chat(v))) state = apply(state, e);
    assert.deepEqual(state.chat.map((l) => l.text), Array.from({ length: 21 }, (_, i) => `dòng ${i + 6}`));
    assert.equal(state.version, 26);
  });
});

describe("apply: the room's events", () => {
  it("roles as the hub sends them, their GraphQL names", () => {
    const s = apply(fromSnapshot(snapshot()), event(6, "participantJoined", { personId: "p4", role: "CO_HOST", name: "Thầy Bình" }));
    assert.equal(s.participants.at(-1)?.role, "CO_HOST");
  });

  it("presence, hands, questions with votes, polls, page and the end", () => {
    let s = fromSnapshot(snapshot());
    s = apply(s, event(6, "participantJoined", { personId: "p3", role: "LEARNER", name: "Phúc" }));
    assert.equal(s.headcount, 3);
    assert.equal(s.participants.at(-1)?.role, "LEARNER");
    s = apply(s, event(7, "participantJoined", { personId: "p3", role: "LEARNER", name: "Phúc" }));
    assert.equal(s.headcount, 3, "a second device of the same person does not count twice");
    s = apply(s, event(8, "handRaised", { personId: me }));
    assert.deepEqual(s.hands, [me]);
    assert.equal(s.calledOn, null);
    s = apply(s, event(9, "handLowered", { personId: me, reason: "CALLED_ON" }));
    assert.deepEqual(s.hands, []);
    assert.deepEqual(s.calledOn, { personId: me, version: 9 });
    assert.equal(s.picture, null, "a hand taken for the voice only");
    s = apply(s, event(9, "pictureAllowed", { personId: me, allowed: true }));
    assert.deepEqual(s.picture, { personId: me, allowed: true, version: 9 });
    s = apply(s, event(9, "pictureAllowed", { personId: me, allowed: false }));
    assert.deepEqual(s.picture, { personId: me, allowed: false, version: 9 }, "the picture withdrawn, the turn goes on");
    assert.deepEqual(s.calledOn, { personId: me, version: 9 });
    s = apply(s, event(10, "questionAsked", { questionId: "q1", personId: "p3", name: "Phúc", text: "Vì sao?" }));
    s = apply(s, event(11, "questionAsked", { questionId: "q2", personId: me, name: "Em", text: "Khi nào?" }));
    s = apply(s, event(12, "questionUpvoted", { questionId: "q2", votes: 1 }));
    assert.deepEqual(s.questions.map((q) => [q.questionId, q.votes]), [["q2", 1], ["q1", 0]]);
    s = apply(s, event(13, "questionClosed", { questionId: "q2", status: "ANSWERED" }));
    assert.deepEqual(s.questions.map((q) => q.questionId), ["q1"]);
    s = apply(s, event(14, "pollOpened", { pollId: "p", question: "Chọn?", options: ["A", "B"], multiple: false }));
    s = apply(s, event(15, "pollVoted", { pollId: "p", counts: [1, 0] }));
    assert.deepEqual(s.polls[0]?.counts, [1, 0]);
    s = apply(s, event(16, "pollClosed", { pollId: "p", counts: [1, 1] }));
    assert.equal(s.polls[0]?.open, false);
    s = apply(s, event(17, "pageShown", { material: 1, page: 4 }));
    assert.deepEqual([s.material, s.page], [1, 4]);
    s = apply(s, event(18, "participantLeft", { personId: "p3" }));
    assert.equal(s.headcount, 2);
    s = apply(s, event(19, "classroomEnded", {}));
    assert.equal(s.status, "ENDED");
    assert.equal(s.version, 19);
  });

  it("mute for everyone mutes a learner, not the host; removal and lock are shown", () => {
    let s = fromSnapshot(snapshot());
    s = apply(s, event(6, "chatMuted", { personId: null, muted: true }));
    assert.equal(s.me.muted, true);
    assert.equal(s.allMuted, true);
    s = apply(s, event(7, "roomLocked", { locked: true }));
    assert.equal(s.locked, true);
    s = apply(s, event(8, "participantRemoved", { personId: me }));
    assert.equal(s.me.removed, true);
    const hostView = apply(fromSnapshot({ ...snapshot(), me: { personId: host, role: "HOST", muted: false, inLobby: false } }), event(6, "chatMuted", { personId: null, muted: true }));
    assert.equal(hostView.me.muted, false);
  });

  it("a private message meant for others shows nothing; the lobby follows waiting and admitted learners", () => {
    let s = fromSnapshot(snapshot());
    s = apply(s, event(6, "privateMessageSent", {}));
    assert.equal(s.chat.length, 0);
    s = apply(s, event(7, "learnerWaiting", { personId: "p4", name: "Giang" }));
    assert.deepEqual(s.lobby.map((p) => p.personId), ["p4"]);
    s = apply(s, event(8, "learnersAdmitted", { personIds: ["p4", me] }));
    assert.deepEqual(s.lobby, []);
    assert.equal(s.admitted, true);
  });

  it("a change of the room's publishers, or a removal, asks the media panel to subscribe again (ADR 0268)", () => {
    let s = fromSnapshot(snapshot());
    assert.equal(s.publishersChanged, 0);
    s = apply(s, event(6, "mediaPublishersChanged", { personId: host, publishing: true }));
    assert.equal(s.publishersChanged, 6);
    s = apply(s, chat(7));
    assert.equal(s.publishersChanged, 6, "a chat line changes no publisher");
    s = apply(s, event(8, "participantRemoved", { personId: "p3" }));
    assert.equal(s.publishersChanged, 8);
  });

  it("a room moved off a dead Janus node is kept with its new number and version, for the media panel (ADR 0302)", () => {
    let s = fromSnapshot(snapshot());
    assert.equal(s.mediaMoved, null);
    s = apply(s, event(6, "mediaRoomMoved", { room: 4242 }));
    assert.deepEqual(s.mediaMoved, { room: 4242, version: 6 });
    s = apply(s, chat(7));
    assert.deepEqual(s.mediaMoved, { room: 4242, version: 6 }, "a chat line moves no room");
    assert.equal(s.publishersChanged, 0, "a move is not a change of publishers");
  });

  it("keeps at most MAX_CHAT lines, the newest", () => {
    let s = fromSnapshot(snapshot(0));
    for (let v = 1; v <= MAX_CHAT + 25; v++) s = apply(s, chat(v));
    assert.equal(s.chat.length, MAX_CHAT);
    assert.equal(s.chat[0]?.text, "dòng 26");
    assert.equal(s.chat.at(-1)?.text, `dòng ${MAX_CHAT + 25}`);
  });

  it("an escalated question keeps its relay room; the relays count their open questions", () => {
    const relay = "r1";
    const snap = snapshot();
    snap.me.role = "HOST";
    snap.relays = [{ sessionId: relay, name: "Phường Ba Đình", headcount: 4 }];
    snap.questions = [{ questionId: "q0", personId: "p0", name: "An", text: "Từ trước?", votes: 0, upvotedByMe: false, at: "2026-12-06T05:00:00Z", relaySessionId: relay, relayName: "Phường Ba Đình" }];
    let s = fromSnapshot(snap);
    s = apply(s, event(6, "questionAsked", { questionId: "q1", personId: "p1", name: "Em", text: "Có lớp thực hành không?", relaySessionId: relay, relayName: "Phường Ba Đình" }));
    s = apply(s, event(7, "questionAsked", { questionId: "q2", personId: "p2", name: "Bình", text: "Ở đây hỏi", relaySessionId: null, relayName: null }));
    // An event stored before the relay's name had its own field: the name comes from the relay list.
    s = apply(s, event(8, "questionAsked", { questionId: "q3", personId: "p3", name: "Cúc (Phường Ba Đình)", text: "Cũ?", relaySessionId: relay }));
    assert.deepEqual(s.questions.map((q) => [q.questionId, q.relayName ?? null]), [["q0", "Phường Ba Đình"], ["q1", "Phường Ba Đình"], ["q2", null], ["q3", "Phường Ba Đình"]]);
    assert.deepEqual([...openQuestionsByRelay(s)], [[relay, 3]]);
    s = apply(s, event(9, "questionClosed", { questionId: "q1", status: "ANSWERED" }));
    s = apply(s, event(10, "questionClosed", { questionId: "q0", status: "DISMISSED" }));
    assert.deepEqual([...openQuestionsByRelay(s)], [[relay, 1]]);
  });
});

describe("the host's list of learners", () => {
  const learner = (i: number, name: string, muted = false) => ({ personId: `p${i}`, name, role: "LEARNER", muted, handRaised: false });
  const many = Array.from({ length: 120 }, (_, i) => learner(i, `Học viên ${i + 1}`, i === 99));
  const people = [{ personId: "t", name: "Cô giáo", role: "HOST", muted: false, handRaised: false }, ...many, learner(200, "Nguyễn Thị Hải")];

  it("shows 50 learners, the muted first, and counts the rest", () => {
    const { shown, more } = learnersShown(people, "");
    assert.equal(shown.length, 50);
    assert.equal(shown[0]!.name, "Học viên 100");
    assert.ok(shown.every((p) => p.role === "LEARNER"));
    assert.equal(more, 71);
  });

  it("finds a learner past the first 50 by a name typed without diacritics", () => {
    const { shown, more } = learnersShown(people, "  hai ");
    assert.deepEqual(shown.map((p) => p.name), ["Nguyễn Thị Hải"]);
    assert.equal(more, 0);
    assert.equal(learnersShown(people, "hoc vien 11").shown.length, 11);
    assert.equal(learnersShown(people, "không có ai").shown.length, 0);
  });
});
