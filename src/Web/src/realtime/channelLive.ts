// What a channel screen shows besides its messages: reactions with mine marked, who is typing, who is here, the
// pinned messages, who has read my message. Pure functions, unit-tested in tests/channelLive.test.ts.
import type { ChannelLog, ChannelMessage } from "./channel";

/** The emoji offered on every message (the hub takes any one, but a few fixed ones are what people tap). */
export const quickEmoji = ["👍", "❤️", "😄", "🎉", "🙏"] as const;

export interface ReactionShown {
  emoji: string;
  count: number;
  mine: boolean;
}

/** The fixed emoji first (with their counts, 0 if none), then any other emoji someone used; mine marked. */
export function reactionsShown(m: ChannelMessage, me: string): ReactionShown[] {
  const byEmoji = new Map(m.reactions.map((r) => [r.emoji, r]));
  const extra = m.reactions.filter((r) => !(quickEmoji as readonly string[]).includes(r.emoji)).map((r) => r.emoji);
  return [...quickEmoji, ...extra].map((emoji) => {
    const r = byEmoji.get(emoji);
    return { emoji, count: r?.count ?? 0, mine: r?.personIds?.includes(me) ?? false };
  });
}

/** How long "X đang nhập…" stays after the last `typing` event, and how often the composer sends one. */
export const typingShownMs = 5000;
export const typingSendEveryMs = 2500;

/** Who is typing now: the people whose last `typing` event is younger than `typingShownMs` (never me). */
export function typingNow(last: Record<string, number>, now: number, me: string): string[] {
  return Object.entries(last)
    .filter(([person, at]) => person !== me && now - at < typingShownMs)
    .map(([person]) => person);
}

/** Whether the composer should tell the others again (at most once every `typingSendEveryMs`). */
export function shouldSendTyping(lastSent: number, now: number): boolean {
  return now - lastSent >= typingSendEveryMs;
}

/** The pinned messages the screen holds, newest first (top-level and replies alike; never a deleted one). */
export function pinnedOf(log: ChannelLog): ChannelMessage[] {
  return Object.values(log.byId)
    .filter((m) => m.pinned && !m.deleted)
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt));
}

/** The members online now (ONLINE or AWAY), me left out. */
export function presentNow(statuses: Record<string, string>, me: string): string[] {
  return Object.entries(statuses)
    .filter(([person, status]) => person !== me && status !== "OFFLINE")
    .map(([person]) => person);
}

/** The channel list's presence: for each channel, who of its other members is connected now. */
export type OnlineByChannel = Record<string, string[]>;

export function onlineByChannel(list: { channelId: string; online: string[] }[]): OnlineByChannel {
  return Object.fromEntries(list.map((c) => [c.channelId, c.online]));
}

/**
 * A `presenceChanged` on the channel list: someone gone offline leaves every channel; someone who came online and is
 * in none of the lists is in channels the screen cannot name, so the lists are read again (`reread`).
 */
export function presenceMoved(online: OnlineByChannel, e: { personId: string; status: string }): { online: OnlineByChannel; reread: boolean } {
  const known = Object.values(online).some((people) => people.includes(e.personId));
  if (e.status !== "OFFLINE") return { online, reread: !known };
  if (!known) return { online, reread: false };
  return {
    online: Object.fromEntries(Object.entries(online).map(([c, people]) => [c, people.filter((p) => p !== e.personId)])),
    reread: false,
  };
}

/**
 * How many others have read up to a message: the members (but its author) whose last read position reached the
 * version the message was posted at. `postedVersion` is the message's version when it was posted (kept by the screen).
 */
export function readCount(lastRead: Record<string, number>, postedVersion: number, author: string): number {
  return Object.entries(lastRead).filter(([person, v]) => person !== author && v >= postedVersion).length;
}
