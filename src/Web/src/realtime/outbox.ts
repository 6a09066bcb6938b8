// Chat typed while the connection is away: kept in order with a client id, sent once when it is back, or shown
// as not sent. Today's hub has no idempotency key for SendChat (issue #25 adds one): a line whose send was cut off
// by the connection is matched against the caught-up chat (same author, same text, after the version it was sent
// at) before it is sent again, so it is not posted twice.

export type OutboxStatus = "pending" | "sending" | "unsure" | "sent" | "failed";

export interface OutboxItem {
  clientId: string;
  text: string;
  status: OutboxStatus;
  /** The room version when the send started (for `unsure` items). */
  sentAtVersion?: number;
  error?: string;
}

export interface SeenLine { personId: string; text: string; version: number }

let counter = 0;
export function newClientId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${random}-${counter}`;
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
   * After catching up: an unsure line that the room's chat has (my line, same text, after the version it was sent
   * at; each room line matches at most one) was sent; the others are sent again.
   */
  reconcile(me: string, seen: SeenLine[]): void {
    const used = new Set<number>();
    for (const item of this.items) {
      if (item.status !== "unsure") continue;
      const match = seen.find((l) => !used.has(l.version) && l.personId === me && l.text === item.text && l.version > (item.sentAtVersion ?? 0));
      if (match) {
        used.add(match.version);
        this.set(item.clientId, { status: "sent" });
      } else this.set(item.clientId, { status: "pending" });
    }
  }

  retry(clientId: string): void {
    this.set(clientId, { status: "pending", error: undefined });
  }
}
