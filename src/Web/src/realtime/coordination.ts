import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { Store } from "../app/store";
import { AppError, toAppError } from "../api/errors";
import type { ChannelEvent, ChannelMessage } from "./channel";

export type HubStatus = "connecting" | "live" | "reconnecting";

export interface CatchUpResult {
  channelId: string;
  version: number;
  events: ChannelEvent[];
  complete: boolean;
}

export interface PostRequest {
  channelId: string;
  messageId: string;
  body: string;
  threadRootId?: string | null;
  priority?: string;
  mentions?: string[];
  mentionsChannel?: boolean;
  /** Ids of my own uploads (`POST /files`), at most 10. */
  attachments?: string[];
}

export interface TypingEvent {
  channelId: string;
  personId: string;
  version: number;
}

export interface PresenceEvent {
  personId: string;
  status: string;
}

export interface ChannelOnline {
  channelId: string;
  online: string[];
}

export interface ReadReceiptEvent {
  channelId: string;
  personId: string;
  lastReadVersion: number;
  version: number;
}

type Listener = {
  event?: (e: ChannelEvent) => void;
  typing?: (e: TypingEvent) => void;
  presence?: (e: PresenceEvent) => void;
  readReceipt?: (e: ReadReceiptEvent) => void;
  /** After every start (the first included): catch up from what you hold (docs/coordination.md, "Connect, then catch up"). */
  started?: () => void;
  /** A channel joined, left or archived: read the list again. */
  changed?: () => void;
};

const retryDelays = [0, 1000, 2000, 5000, 10000];

/**
 * One connection to `/hubs/coordination` (JSON protocol), shared by the channel screens while any is open. It passes
 * each `channelEvent` on; the screens keep their own versions (a Sequencer each) and call `catchUp` after every start
 * and on a gap, as the hub's documented rule asks: `start()` resolves before the server has put the connection in
 * its channels' groups, so a change committed in that moment reaches the screen only through the catch-up.
 */
export class CoordinationHub {
  readonly status = new Store<HubStatus>("connecting");
  private readonly connection: HubConnection;
  private readonly listeners = new Set<Listener>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(token: () => string) {
    this.connection = new HubConnectionBuilder()
      .withUrl("/hubs/coordination", { accessTokenFactory: token })
      .configureLogging(LogLevel.None)
      .build();
    this.connection.on("channelEvent", (e: ChannelEvent) => this.listeners.forEach((l) => l.event?.(e)));
    this.connection.on("typing", (e: TypingEvent) => this.listeners.forEach((l) => l.typing?.(e)));
    this.connection.on("presenceChanged", (e: PresenceEvent) => this.listeners.forEach((l) => l.presence?.(e)));
    this.connection.on("readReceipt", (e: ReadReceiptEvent) => this.listeners.forEach((l) => l.readReceipt?.(e)));
    const changed = () => this.listeners.forEach((l) => l.changed?.());
    this.connection.on("membershipChanged", changed);
    this.connection.on("channelArchived", changed);
    this.connection.onclose(() => this.lost());
    addEventListener("online", this.onOnline);
    addEventListener("offline", this.onOffline);
    void this.start();
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.status.value === "live") listener.started?.();
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    removeEventListener("online", this.onOnline);
    removeEventListener("offline", this.onOffline);
    void this.connection.stop();
  }

  /** Every change after each version held, in order, with the messages as they are now. */
  catchUp(positions: { channelId: string; version: number }[]): Promise<CatchUpResult[]> {
    return this.invoke<CatchUpResult[]>("CatchUp", positions);
  }

  /** Posts (idempotent on `messageId`: a resend after a cut connection never doubles the message). */
  post(request: PostRequest): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("Post", request);
  }

  acknowledge(messageId: string): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("Acknowledge", messageId);
  }

  /** The author's new text (the hub refuses anyone else: NOT_ALLOWED with its sentence). */
  edit(messageId: string, body: string): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("Edit", messageId, body);
  }

  /** The author, or a moderator: the message becomes a tombstone. */
  delete(messageId: string): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("Delete", messageId);
  }

  react(messageId: string, emoji: string, add: boolean): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("React", messageId, emoji, add);
  }

  pin(messageId: string, pinned: boolean): Promise<ChannelMessage> {
    return this.invoke<ChannelMessage>("Pin", messageId, pinned);
  }

  /** Tells the channel's other members I am typing (nothing is stored). */
  typing(channelId: string): Promise<unknown> {
    return this.invoke("Typing", channelId);
  }

  /** The members' presence as every host sees it. */
  presence(channelId: string): Promise<PresenceEvent[]> {
    return this.invoke<PresenceEvent[]>("Presence", channelId);
  }

  /** For each of my channels, its other members connected now on any host (a channel with none is left out). */
  onlineInMyChannels(): Promise<ChannelOnline[]> {
    return this.invoke<ChannelOnline[]>("OnlineInMyChannels");
  }

  markRead(channelId: string): Promise<unknown> {
    return this.invoke("MarkRead", channelId, null);
  }

  private async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (this.connection.state !== HubConnectionState.Connected) throw new AppError("OFFLINE");
    try {
      return await this.connection.invoke<T>(method, ...args);
    } catch (e) {
      throw this.connection.state === HubConnectionState.Connected ? toAppError(e) : new AppError("OFFLINE");
    }
  }

  private async start(): Promise<void> {
    if (this.disposed) return;
    try {
      await this.connection.start();
      if (this.disposed) return void this.connection.stop();
      this.attempt = 0;
      this.status.set("live");
      this.listeners.forEach((l) => l.started?.());
    } catch {
      this.lost();
    }
  }

  private lost(): void {
    if (this.disposed) return;
    this.status.set("reconnecting");
    clearTimeout(this.timer);
    if (!navigator.onLine) return; // the `online` event starts again
    const delay = retryDelays[Math.min(this.attempt, retryDelays.length - 1)]!;
    this.attempt += 1;
    this.timer = setTimeout(() => {
      if (this.connection.state === HubConnectionState.Disconnected) void this.start();
    }, delay);
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    if (this.status.value === "reconnecting") this.lost();
  };

  private readonly onOffline = () => {
    if (this.connection.state === HubConnectionState.Connected) void this.connection.stop();
  };
}

let shared: { hub: CoordinationHub; person: string; users: number; idle?: ReturnType<typeof setTimeout> } | null = null;

/**
 * The shared connection for a screen: opened by the first channel screen, closed a few seconds after the last one
 * goes (so moving from the list to a channel keeps it).
 */
export function acquireHub(person: string, token: () => string): { hub: CoordinationHub; release: () => void } {
  if (shared && shared.person !== person) {
    // Someone else signed in on this tab: never reuse the previous person's connection.
    shared.hub.dispose();
    shared = null;
  }
  if (!shared) shared = { hub: new CoordinationHub(token), person, users: 0 };
  const s = shared;
  clearTimeout(s.idle);
  s.users += 1;
  return {
    hub: s.hub,
    release: () => {
      s.users -= 1;
      if (s.users === 0)
        s.idle = setTimeout(() => {
          if (shared === s && s.users === 0) {
            s.hub.dispose();
            shared = null;
          }
        }, 5000);
    },
  };
}
