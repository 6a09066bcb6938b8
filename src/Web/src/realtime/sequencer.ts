// Version order for a hub's pushes: the classroom's events (room.ts) and each coordination channel's (channel.ts).

/**
 * Puts events in version order: the next version is applied at once, older ones (already seen) are dropped, and
 * a later one waits until the gap before it is filled; `gap()` says from which version to ask the hub (`CatchUp`).
 */
export class Sequencer<E extends { version: number } = { version: number }> {
  private waiting = new Map<number, E>();
  constructor(public version: number) {}

  /** The events that can be applied now, in order (possibly none). */
  offer(e: E): E[] {
    if (e.version <= this.version) return [];
    this.waiting.set(e.version, e);
    return this.drain();
  }

  /** A fresh snapshot replaced everything up to `version`. */
  reset(version: number): void {
    this.version = version;
    for (const v of [...this.waiting.keys()]) if (v <= version) this.waiting.delete(v);
  }

  /** True when some later event is waiting for missing ones: ask for the events after `version`. */
  get hasGap(): boolean {
    return this.waiting.size > 0;
  }

  private drain(): E[] {
    const ready: E[] = [];
    for (let next = this.waiting.get(this.version + 1); next; next = this.waiting.get(this.version + 1)) {
      this.waiting.delete(next.version);
      this.version = next.version;
      ready.push(next);
    }
    return ready;
  }
}
