import { useEffect, useRef, useState } from "preact/hooks";
import { session } from "../../../app/session";
import { Store, useStore } from "../../../app/store";
import { acquireHub, type CoordinationHub, type HubStatus } from "../../../realtime/coordination";
import type { ChannelEvent } from "../../../realtime/channel";
import type { PresenceEvent, ReadReceiptEvent, TypingEvent } from "../../../realtime/coordination";

const idle = new Store<HubStatus>("connecting");

export interface HubHandlers {
  event?: (e: ChannelEvent) => void;
  started?: () => void;
  changed?: () => void;
  typing?: (e: TypingEvent) => void;
  presence?: (e: PresenceEvent) => void;
  readReceipt?: (e: ReadReceiptEvent) => void;
}

/**
 * The shared `/hubs/coordination` connection for as long as the screen is open, with the screen's handlers (the
 * latest ones: they may close over the screen's state).
 */
export function useCoordinationHub(handlers: HubHandlers): { hub: CoordinationHub | null; status: HubStatus } {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [hub, setHub] = useState<CoordinationHub | null>(null);
  useEffect(() => {
    const s = session.value;
    if (!s) return;
    const { hub: h, release } = acquireHub(s.personId, () => session.value?.token ?? "");
    setHub(h);
    const stop = h.listen({
      event: (e) => latest.current.event?.(e),
      started: () => latest.current.started?.(),
      changed: () => latest.current.changed?.(),
      typing: (e) => latest.current.typing?.(e),
      presence: (e) => latest.current.presence?.(e),
      readReceipt: (e) => latest.current.readReceipt?.(e),
    });
    return () => {
      stop();
      release();
    };
  }, []);
  const status = useStore(hub?.status ?? idle);
  return { hub, status };
}
