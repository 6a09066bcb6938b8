// A coordination channel on the client: its messages as GraphQL gave them, moved on by the hub's `channelEvent`s in
// version order (docs/coordination.md), and the unread and mention badges of the channel list. Pure functions (no DOM,
// no connection), unit-tested in tests/channel.test.ts.

export interface ChannelMessage {
  id: string;
  channelId: string;
  authorId: string;
  threadRootId?: string | null;
  body?: string | null;
  priority: string;
  mentions: string[];
  mentionsChannel: boolean;
  reactions: { emoji: string; count: number; personIds: string[] }[];
  pinned: boolean;
  replyCount: number;
  acknowledgedCount: number;
  edited: boolean;
  deleted: boolean;
  postedAt: string;
  version: number;
  attachments?: { fileId: string; name: string; contentType: string; length: number }[];
  /** The channel version the message was posted at (the hub's messages carry it; GraphQL's do not). */
  postedVersion?: number;
}

/** A change of a channel's stream as the hub pushes it and `CatchUp` replays it. */
export interface ChannelEvent {
  channelId: string;
  version: number;
  kind: string;
  actorId: string;
  at: string;
  message: ChannelMessage;
}

/** One channel's messages: the main list (oldest first) and the replies of the threads the client holds. */
export interface ChannelLog {
  channelId: string;
  version: number;
  byId: Record<string, ChannelMessage>;
  main: string[];
  replies: Record<string, string[]>;
}

export function logFrom(channelId: string, version: number, main: ChannelMessage[]): ChannelLog {
  const byId: Record<string, ChannelMessage> = {};
  for (const m of main) byId[m.id] = m;
  return { channelId, version, byId, main: main.map((m) => m.id), replies: {} };
}

/** An older page of the main list, before what is held (a message already held stays as it is). */
export function withOlder(log: ChannelLog, page: ChannelMessage[]): ChannelLog {
  const fresh = page.filter((m) => !log.byId[m.id]);
  const byId = { ...log.byId };
  for (const m of fresh) byId[m.id] = m;
  return { ...log, byId, main: [...fresh.map((m) => m.id), ...log.main] };
}

/** A thread's replies read through GraphQL, merged with what the hub already brought (each message once, in order). */
export function withReplies(log: ChannelLog, rootId: string, replies: ChannelMessage[]): ChannelLog {
  const byId = { ...log.byId };
  for (const r of replies) if (!byId[r.id] || byId[r.id]!.version < r.version) byId[r.id] = r;
  const ids = [...new Set([...(log.replies[rootId] ?? []), ...replies.map((r) => r.id)])];
  ids.sort((a, b) => byId[a]!.postedAt.localeCompare(byId[b]!.postedAt));
  return { ...log, byId, replies: { ...log.replies, [rootId]: ids } };
}

/**
 * One event, in version order (a Sequencer drops what was seen and holds what came early): the message as it is
 * now replaces the one held; a new top-level message joins the main list, a new reply its thread, whose root
 * counts it.
 */
export function applyEvent(log: ChannelLog, e: ChannelEvent): ChannelLog {
  if (e.channelId !== log.channelId || e.version <= log.version) return log;
  const m = e.message;
  const known = log.byId[m.id] !== undefined;
  const byId = { ...log.byId, [m.id]: m };
  let { main, replies } = log;
  if (!known && e.kind === "POSTED") {
    if (m.threadRootId) {
      replies = { ...replies, [m.threadRootId]: [...(replies[m.threadRootId] ?? []), m.id] };
      const root = byId[m.threadRootId];
      if (root) byId[m.threadRootId] = { ...root, replyCount: root.replyCount + 1 };
    } else main = [...main, m.id];
  }
  return { ...log, version: e.version, byId, main, replies };
}

export interface ChannelSummary {
  id: string;
  version: number;
  unread: { count: number; mentions: number };
}

/** Whether a message names me, or the whole channel. */
export function mentionsMe(m: ChannelMessage, me: string): boolean {
  return m.mentionsChannel || m.mentions.includes(me);
}

/**
 * The list's badges moved on by a pushed event: another member's new message is unread (and a mention if it names
 * me or the channel), unless I am reading that channel now. `resync` is true when the event skipped versions: the
 * list then reads its figures again from the server instead of guessing.
 */
export function countEvent(list: ChannelSummary[], e: ChannelEvent, me: string, reading?: string): { list: ChannelSummary[]; resync: boolean } {
  const i = list.findIndex((c) => c.id === e.channelId);
  const c = list[i];
  if (!c) return { list, resync: true };
  if (e.version <= c.version) return { list, resync: false };
  const resync = e.version > c.version + 1;
  const counts = e.kind === "POSTED" && e.message.authorId !== me && !e.message.deleted && reading !== c.id;
  const next: ChannelSummary = {
    ...c,
    version: e.version,
    unread: counts
      ? { count: c.unread.count + 1, mentions: c.unread.mentions + (mentionsMe(e.message, me) ? 1 : 0) }
      : c.unread,
  };
  const copy = [...list];
  copy[i] = next;
  return { list: copy, resync };
}

/** Whether a channel takes posts from me: not archived, and not a reader's seat in an announcement channel. */
export function canPost(channel: { archived: boolean; myRole: string }): boolean {
  return !channel.archived && channel.myRole !== "READER";
}

export interface Mentionable {
  personId: string;
  name: string;
}

/** Vietnamese folded for matching: "hai" finds "Hải", "d" finds "Đ". */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** The `@word` being typed at the end of the text, if any (what the autocomplete completes). */
export function mentionQuery(text: string): string | null {
  const m = /(?:^|\s)@([^\s@]*)$/.exec(text);
  return m ? m[1]! : null;
}

/** Members whose name matches the `@word` (folded, any word of the name), at most `max`. */
export function suggest(members: Mentionable[], query: string, me: string, max = 6): Mentionable[] {
  const q = fold(query);
  const matches = (name: string) => fold(name).split(/\s+/).some((w) => w.startsWith(q)) || (q.length > 1 && fold(name).includes(q));
  return members.filter((p) => p.personId !== me && matches(p.name)).slice(0, max);
}

/** The text with the `@word` being typed replaced by `@Full Name `. */
export function complete(text: string, name: string): string {
  return text.replace(/@([^\s@]*)$/, `@${name} `);
}

/**
 * What a post mentions: the chosen people whose `@Name` is still in the text, and the whole channel when `@kênh`
 * (or `@channel`) is in it.
 */
export function mentionsIn(text: string, chosen: Mentionable[]): { mentions: string[]; mentionsChannel: boolean } {
  const mentions = [...new Set(chosen.filter((p) => text.includes("@" + p.name)).map((p) => p.personId))];
  return { mentions, mentionsChannel: /(^|\s)@(kênh|channel)(?=$|[\s.,!?:;])/iu.test(text.normalize("NFC")) };
}
