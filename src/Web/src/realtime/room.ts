// The live class's state on the client: built from the hub's snapshot, moved on by its events in version order.
// Pure functions (no DOM, no connection), unit-tested in tests/room.test.ts. Hub contracts: ClassroomHub.cs,
// ClassroomView.cs, ClassroomEvents.cs (docs/classes.md).

import { fold } from "./channel";
import { Sequencer as VersionOrder } from "./sequencer";

export interface Participant { personId: string; name: string; role: string; muted: boolean; handRaised: boolean }
export interface ChatLine { id: string; personId: string; name: string; text: string; at: string; version?: number; private?: boolean; toPersonId?: string | null }
/** An open question; `relaySessionId` and `relayName` are set when a relay room's host escalated it here (ADR 0157). */
export interface Question {
  questionId: string; personId: string; name: string; text: string; votes: number; upvotedByMe: boolean; at: string;
  relaySessionId?: string | null; relayName?: string | null;
}
export interface Poll { pollId: string; question: string; options: string[]; multiple: boolean; open: boolean; counts: number[]; myChoices: number[] }
export interface Relay { sessionId: string; name: string; headcount: number }
export interface Reaction { personId: string; reaction: string; at: string; version: number }

export interface Snapshot {
  sessionId: string;
  classId: string;
  version: number;
  status: string;
  me: { personId: string; role: string; muted: boolean; inLobby: boolean };
  locked: boolean;
  allMuted: boolean;
  headcount: number;
  participants: Participant[];
  lobby: Participant[];
  material: number;
  page: number;
  polls: Poll[];
  hands: string[];
  chat: { messageId: string; personId: string; name: string; text: string; at: string }[];
  questions: Question[];
  relays: Relay[];
  totalHeadcount: number;
  /** Set when this room relays another class's session: its hosts may send a question up there (ForwardQuestion). */
  relayOfSessionId?: string | null;
}

export interface RoomEvent { sessionId: string; version: number; type: string; at: string; data: Record<string, unknown> }

/** The snapshot's fields as the room moves on, with what only the client keeps. */
export interface RoomState extends Omit<Snapshot, "sessionId" | "classId" | "status" | "me" | "chat" | "totalHeadcount"> {
  status: "LIVE" | "ENDED";
  me: Snapshot["me"] & { removed: boolean };
  chat: ChatLine[];
  reactions: Reaction[];
  /** Set when this learner was just admitted from the lobby: the client joins again. */
  admitted: boolean;
  /** The learner whose raised hand a host took last, and at which version (the media panel asks for a speaker's token; ADR 0141). */
  calledOn: { personId: string; version: number } | null;
  /** The speaking learner's picture as a host last set it, and at which version (ADR 0299): their page publishes the camera again. */
  picture: { personId: string; allowed: boolean; version: number } | null;
  /** The version at which the room's publishers on Janus last changed: the media panel subscribes again (ADR 0268). */
  publishersChanged: number;
  /** The room's Janus node died and the room was made again elsewhere, as `room`, at `version`: the media panel joins it now (ADR 0302). */
  mediaMoved: { room: number; version: number } | null;
}

/** Chat lines kept in memory: the list on screen is windowed, and memory stays flat in a busy room. */
export const MAX_CHAT = 500;
const MAX_REACTIONS = 20;

export const isHost = (s: RoomState) => s.me.role === "HOST" || s.me.role === "CO_HOST";

export function fromSnapshot(s: Snapshot): RoomState {
  return {
    version: s.version,
    status: s.status === "ENDED" ? "ENDED" : "LIVE",
    me: { ...s.me, removed: false },
    locked: s.locked,
    allMuted: s.allMuted,
    headcount: s.headcount,
    participants: s.participants,
    lobby: s.lobby,
    material: s.material,
    page: s.page,
    polls: s.polls,
    hands: s.hands,
    chat: s.chat.map((c) => ({ id: c.messageId, personId: c.personId, name: c.name, text: c.text, at: c.at })),
    questions: s.questions,
    relays: s.relays,
    relayOfSessionId: s.relayOfSessionId ?? null,
    reactions: [],
    admitted: false,
    calledOn: null,
    picture: null,
    publishersChanged: 0,
    mediaMoved: null,
  };
}

// The hub sends enums as their GraphQL names (ADR 0070): "HOST", "CO_HOST", "LEARNER".
const roles = new Set(["HOST", "CO_HOST", "LEARNER"]);
const roleName = (r: unknown) => (typeof r === "string" && roles.has(r) ? r : "LEARNER");
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** One event applied to the state; returns a new state (the old one is not changed). */
export function apply(state: RoomState, e: RoomEvent): RoomState {
  const d = e.data;
  const s: RoomState = { ...state, version: e.version };
  const me = state.me.personId;
  switch (e.type) {
    case "participantJoined": {
      const p: Participant = { personId: str(d.personId), name: str(d.name), role: roleName(d.role), muted: false, handRaised: false };
      if (!s.participants.some((x) => x.personId === p.personId)) {
        s.participants = [...s.participants, p];
        s.headcount = s.headcount + 1;
      }
      s.lobby = s.lobby.filter((x) => x.personId !== p.personId);
      break;
    }
    case "participantLeft":
      if (s.participants.some((x) => x.personId === d.personId)) s.headcount = Math.max(0, s.headcount - 1);
      s.participants = s.participants.filter((x) => x.personId !== d.personId);
      s.hands = s.hands.filter((h) => h !== d.personId);
      break;
    case "learnerWaiting":
      if (!s.lobby.some((x) => x.personId === d.personId))
        s.lobby = [...s.lobby, { personId: str(d.personId), name: str(d.name), role: "LEARNER", muted: false, handRaised: false }];
      break;
    case "learnerLeftLobby":
      s.lobby = s.lobby.filter((x) => x.personId !== d.personId);
      break;
    case "learnersAdmitted": {
      const ids = (d.personIds as string[] | undefined) ?? [];
      s.lobby = s.lobby.filter((x) => !ids.includes(x.personId));
      if (ids.includes(me)) s.admitted = true;
      break;
    }
    case "chatPosted":
      s.chat = push(s.chat, { id: str(d.messageId), personId: str(d.personId), name: str(d.name), text: str(d.text), at: e.at, version: e.version });
      break;
    case "privateMessageSent":
      // Learners other than the sender and the addressee receive only that something was sent: nothing to show.
      if (typeof d.text === "string")
        s.chat = push(s.chat, { id: str(d.messageId), personId: str(d.fromPersonId), name: str(d.fromName), text: d.text, at: e.at, private: true, toPersonId: (d.toPersonId as string | null) ?? null });
      break;
    case "questionAsked": {
      // Escalated from a relay room: events stored before the relay's name had its own field take it from the relay list.
      const relaySessionId = typeof d.relaySessionId === "string" ? d.relaySessionId : null;
      const relayName = typeof d.relayName === "string" ? d.relayName : relaySessionId ? (s.relays.find((r) => r.sessionId === relaySessionId)?.name ?? null) : null;
      s.questions = [...s.questions, { questionId: str(d.questionId), personId: str(d.personId), name: str(d.name), text: str(d.text), votes: 0, upvotedByMe: false, at: e.at, relaySessionId, relayName }];
      break;
    }
    case "questionUpvoted":
      s.questions = sortQuestions(s.questions.map((q) => (q.questionId === d.questionId ? { ...q, votes: Number(d.votes) } : q)));
      break;
    case "questionClosed":
      s.questions = s.questions.filter((q) => q.questionId !== d.questionId);
      break;
    case "handRaised":
      if (!s.hands.includes(str(d.personId))) s.hands = [...s.hands, str(d.personId)];
      s.participants = s.participants.map((p) => (p.personId === d.personId ? { ...p, handRaised: true } : p));
      break;
    case "handLowered":
      s.hands = s.hands.filter((h) => h !== d.personId);
      if (d.reason === "CALLED_ON") {
        s.calledOn = { personId: str(d.personId), version: e.version };
        s.picture = null;
      }
      s.participants = s.participants.map((p) => (p.personId === d.personId ? { ...p, handRaised: false } : p));
      break;
    case "pollOpened":
      s.polls = [...s.polls, { pollId: str(d.pollId), question: str(d.question), options: (d.options as string[]) ?? [], multiple: !!d.multiple, open: true, counts: ((d.options as string[]) ?? []).map(() => 0), myChoices: [] }];
      break;
    case "pollVoted":
      s.polls = s.polls.map((p) => (p.pollId === d.pollId ? { ...p, counts: (d.counts as number[]) ?? p.counts } : p));
      break;
    case "pollClosed":
      s.polls = s.polls.map((p) => (p.pollId === d.pollId ? { ...p, open: false, counts: (d.counts as number[]) ?? p.counts } : p));
      break;
    case "reactionSent":
      s.reactions = [...s.reactions, { personId: str(d.personId), reaction: str(d.reaction), at: e.at, version: e.version }].slice(-MAX_REACTIONS);
      break;
    case "chatMuted":
      if (d.personId == null) {
        s.allMuted = !!d.muted;
        if (!isHost(s)) s.me = { ...s.me, muted: !!d.muted };
      } else {
        s.participants = s.participants.map((p) => (p.personId === d.personId ? { ...p, muted: !!d.muted } : p));
        if (d.personId === me) s.me = { ...s.me, muted: !!d.muted };
      }
      break;
    case "participantRemoved":
      if (s.participants.some((x) => x.personId === d.personId)) s.headcount = Math.max(0, s.headcount - 1);
      s.participants = s.participants.filter((p) => p.personId !== d.personId);
      if (d.personId === me) s.me = { ...s.me, removed: true };
      s.publishersChanged = e.version;
      break;
    case "removalLifted":
      if (d.personId === me) s.me = { ...s.me, removed: false };
      break;
    case "roomLocked":
      s.locked = !!d.locked;
      break;
    case "pageShown":
      s.material = Number(d.material);
      s.page = Number(d.page);
      break;
    case "relayHeadcountChanged": {
      const relay = { sessionId: str(d.relaySessionId), name: str(d.name), headcount: Number(d.headcount) };
      s.relays = [...s.relays.filter((r) => r.sessionId !== relay.sessionId), relay].sort((a, b) => a.name.localeCompare(b.name, "vi"));
      break;
    }
    case "classroomEnded":
      s.status = "ENDED";
      break;
    case "pictureAllowed":
      s.picture = { personId: str(d.personId), allowed: !!d.allowed, version: e.version };
      break;
    case "mediaPublishersChanged":
      s.publishersChanged = e.version;
      break;
    case "mediaRoomMoved":
      s.mediaMoved = { room: Number(d.room), version: e.version };
      break;
    default:
      break; // classroomOpened and events of later versions of the hub: the version still moves on
  }
  return s;
}

function push(chat: ChatLine[], line: ChatLine): ChatLine[] {
  const next = chat.length >= MAX_CHAT ? chat.slice(chat.length - MAX_CHAT + 1) : chat.slice();
  next.push(line);
  return next;
}

/** How many open questions each relay room has escalated here, by the relay's session id. */
export function openQuestionsByRelay(s: Pick<RoomState, "questions">): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of s.questions) if (q.relaySessionId) counts.set(q.relaySessionId, (counts.get(q.relaySessionId) ?? 0) + 1);
  return counts;
}

/**
 * The learners in the host's list: those whose name matches `query` (folded: "hai" finds "Hải"), the muted first (so
 * that a host finds whom to unmute), at most `max`; `more` is how many else match, to be found by typing a name.
 */
export function learnersShown(participants: Participant[], query: string, max = 50): { shown: Participant[]; more: number } {
  const q = fold(query.trim());
  const matching = participants.filter((p) => p.role === "LEARNER" && (!q || fold(p.name).includes(q)));
  const ordered = [...matching.filter((p) => p.muted), ...matching.filter((p) => !p.muted)];
  return { shown: ordered.slice(0, max), more: Math.max(0, ordered.length - max) };
}

function sortQuestions(qs: Question[]): Question[] {
  return qs.slice().sort((a, b) => b.votes - a.votes || a.at.localeCompare(b.at));
}

/** The classroom's events in version order (the rule itself: sequencer.ts, shared with the channels). */
export class Sequencer extends VersionOrder<RoomEvent> {}
