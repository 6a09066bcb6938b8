import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { Store } from "../app/store";
import { AppError, toAppError } from "../api/errors";
import { Outbox, type OutboxItem } from "./outbox";
import { apply, fromSnapshot, Sequencer, type RoomEvent, type RoomState, type Snapshot } from "./room";

export type LiveStatus = "connecting" | "live" | "lobby" | "reconnecting" | "closed";

const retryDelays = [0, 1000, 2000, 5000, 10000];

/**
 * One live class over `/hubs/classroom` (JSON protocol): join, apply events in version order, catch up by version
 * after a gap or a reconnect (exactly the missed events, once, in order), and send chat typed offline when back.
 * Renders are batched: the state store changes at most once per animation frame however many events arrive.
 */
export class LiveRoom {
  readonly state = new Store<RoomState | null>(null);
  readonly status = new Store<LiveStatus>("connecting");
  readonly error = new Store<unknown>(undefined);
  readonly outbox = new Store<OutboxItem[]>([]);
  private readonly box = new Outbox();
  private readonly connection: HubConnection;
  private sequencer: Sequencer | null = null;
  private current: RoomState | null = null;
  private frame = 0;
  private disposed = false;
  private catchingUp = false;
  private flushing = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly sessionId: string, token: () => string) {
    this.connection = new HubConnectionBuilder()
      .withUrl("/hubs/classroom", { accessTokenFactory: token })
      .configureLogging(LogLevel.None)
      .build();
    this.connection.on("classroomEvent", (e: RoomEvent) => this.onEvent(e));
    this.connection.onclose(() => this.lost());
    addEventListener("online", this.onOnline);
    addEventListener("offline", this.onOffline);
  }

  async start(): Promise<void> {
    try {
      await this.connection.start();
      this.attempt = 0;
      await this.join();
    } catch (e) {
      if (this.connection.state === HubConnectionState.Connected) {
        this.error.set(toAppError(e));
        this.status.set("closed");
      } else this.lost();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    cancelAnimationFrame(this.frame);
    removeEventListener("online", this.onOnline);
    removeEventListener("offline", this.onOffline);
    void this.connection.stop();
  }

  private media = false;

  /**
   * This page's picture and sound connected or not, told to the hub: attendance counts the minutes with media beside
   * the minutes in the room (ADR 0229). Told again after a re-join (a new connection starts without it).
   */
  reportMedia(on: boolean): void {
    if (this.media === on) return;
    this.media = on;
    if (this.status.value === "live") this.connection.invoke("MediaConnected", on).catch(() => {});
  }

  /** Calls a hub method; an error comes back as an AppError with the hub's code. */
  async invoke<T = number>(method: string, ...args: unknown[]): Promise<T> {
    try {
      return await this.connection.invoke<T>(method, ...args);
    } catch (e) {
      throw this.connection.state === HubConnectionState.Connected ? toAppError(e) : new AppError("OFFLINE");
    }
  }

  /** Chat: queued with a client id, sent now if connected, else when the connection is back. */
  sendChat(text: string): void {
    this.box.add(text);
    this.outbox.set(this.box.items);
    void this.flush();
  }

  retry(clientId: string): void {
    this.box.retry(clientId);
    this.outbox.set(this.box.items);
    void this.flush();
  }

  private async join(): Promise<void> {
    const snapshot = await this.connection.invoke<Snapshot>("Join", this.sessionId);
    if (snapshot.me.inLobby) {
      this.update(fromSnapshot(snapshot));
      this.status.set("lobby");
      return;
    }
    if (this.current && this.sequencer && !this.current.me.inLobby) {
      // Back after a lost connection: the events missed since our version, not the snapshot.
      this.status.set("live");
      await this.catchUp();
    } else {
      this.sequencer = new Sequencer(snapshot.version);
      this.update(fromSnapshot(snapshot));
      this.status.set("live");
    }
    if (this.media) this.connection.invoke("MediaConnected", true).catch(() => {});
    await this.flush();
  }

  private onEvent(e: RoomEvent): void {
    if (e.sessionId !== this.sessionId || !this.current) return;
    if (!this.sequencer) {
      // In the lobby: only being admitted matters.
      if (e.type === "learnersAdmitted" && ((e.data.personIds as string[]) ?? []).includes(this.current.me.personId)) void this.join();
      return;
    }
    const ready = this.sequencer.offer(e);
    if (ready.length) this.update(ready.reduce(apply, this.current));
    if (this.sequencer.hasGap) void this.catchUp();
  }

  private async catchUp(): Promise<void> {
    if (this.catchingUp || !this.sequencer || !this.current) return;
    this.catchingUp = true;
    try {
      const from = this.sequencer.version;
      const result = await this.connection.invoke<{ events: RoomEvent[]; snapshot: Snapshot | null }>("CatchUp", from);
      if (result.snapshot) {
        this.sequencer.reset(result.snapshot.version);
        this.update(fromSnapshot(result.snapshot));
      } else {
        let state = this.current;
        for (const e of result.events) for (const ready of this.sequencer.offer(e)) state = apply(state, ready);
        this.update(state);
      }
      this.box.reconcile(this.current.chat.map((l) => l.id));
      this.outbox.set(this.box.items);
    } catch (e) {
      this.error.set(toAppError(e));
    } finally {
      this.catchingUp = false;
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.status.value !== "live" || this.connection.state !== HubConnectionState.Connected) return;
    this.flushing = true;
    try {
      for (let item = this.box.ready()[0]; item; item = this.box.ready()[0]) {
        const version = this.sequencer?.version ?? 0;
        this.box.set(item.clientId, { status: "sending" });
        this.outbox.set(this.box.items);
        try {
          await this.connection.invoke<number>("SendChatWithId", item.clientId, item.text);
          this.box.set(item.clientId, { status: "sent" });
        } catch (e) {
          if (this.connection.state !== HubConnectionState.Connected) {
            this.box.cutOff(item.clientId, version);
            this.outbox.set(this.box.items);
            return;
          }
          this.box.set(item.clientId, { status: "failed", error: toAppError(e).code });
        }
        this.outbox.set(this.box.items);
      }
    } finally {
      this.flushing = false;
    }
  }

  private lost(): void {
    if (this.disposed || this.status.value === "closed") return;
    if (this.current?.status === "ENDED") return;
    // Lines being sent when the connection went: unsure until the catch-up shows whether they arrived.
    for (const i of this.box.items) if (i.status === "sending") this.box.cutOff(i.clientId, this.sequencer?.version ?? 0);
    this.outbox.set(this.box.items);
    this.status.set("reconnecting");
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.disposed || !navigator.onLine) return; // the `online` event starts again
    const delay = retryDelays[Math.min(this.attempt, retryDelays.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      if (this.connection.state === HubConnectionState.Disconnected) void this.start();
    }, delay);
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    if (this.status.value === "reconnecting") this.scheduleRetry();
  };

  private readonly onOffline = () => {
    // The phone knows before the socket does: say so now, and start again when the network is back.
    if (this.connection.state === HubConnectionState.Connected) void this.connection.stop();
  };

  private update(state: RoomState): void {
    this.current = state;
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.state.set(this.current);
        if (this.current?.admitted) {
          this.current = { ...this.current, admitted: false };
          void this.join();
        }
      });
  }
}
