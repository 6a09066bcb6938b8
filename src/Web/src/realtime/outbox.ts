// Chat typed while the connection is away: kept in order with a client id (a UUID), sent once when it is back, or
// shown as not sent. The id goes with the line (`SendChatWithId`, docs/adr/0111): a line whose send was cut off by
// the connection is sent again with the same id after the catch-up, unless the room already has it, and the hub
// never posts one id twice.

export type OutboxStatus = "pending" | "sending" | "unsure" | "sent" | "failed";

export interface OutboxItem {
  clientId: string;
  text: string;
  status: OutboxStatus;
  /** The room version when the send started (for `unsure` items). */
  sentAtVersion?: number;
  error?: string;
}

/** A UUID (version 4): the line's id in the room. */
export function newClientId(): string {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class Outbox {
  items: OutboxItem[] = [];

  add(text: string): OutboxItem {
    const item: OutboxItem = { clientId: newClientId(), text, status: "pending" };
    this.items = [...this.items, item];
    return item;
  }

  /** The lines to send now, oldest first: pending ones (and unsure ones that reconcile left unsure). */
  ready(): OutboxItem[] {
    return this.items.filter((i) => i.status === "pending");
  }

  set(clientId: string, change: Partial<OutboxItem>): void {
    this.items = this.items.map((i) => (i.clientId === clientId ? { ...i, ...change } : i));
    // Sent lines leave the outbox: the room's chat shows them now.
    this.items = this.items.filter((i) => i.status !== "sent");
  }

  /** A send whose answer was lost with the connection: did the line reach the room? Decided by `reconcile`. */
  cutOff(clientId: string, version: number): void {
    this.set(clientId, { status: "unsure", sentAtVersion: version });
  }

  /**
   * After catching up: an unsure line whose id the room's chat has was sent; the others are sent again, with the
   * same id (if one reached the room after all, the hub answers it without posting it twice).
   */
  reconcile(seenIds: Iterable<string>): void {
    const seen = new Set(seenIds);
    for (const item of this.items) {
      if (item.status !== "unsure") continue;
      this.set(item.clientId, { status: seen.has(item.clientId) ? "sent" : "pending" });
    }
  }

  retry(clientId: string): void {
    this.set(clientId, { status: "pending", error: undefined });
  }
}
