import { useEffect, useRef, useState } from "preact/hooks";
import { presentNow, typingNow, typingShownMs } from "../../../realtime/channelLive";
import type { CoordinationHub, PresenceEvent, TypingEvent } from "../../../realtime/coordination";

/**
 * Who is typing in the channel (each `typing` event shows its person for a few seconds) and who is here now (the
 * hub's `Presence` after every start, then each `presenceChanged`).
 */
export function usePeople(channelId: string, me: string) {
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const [, tick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const onTyping = (e: TypingEvent) => {
    if (e.channelId !== channelId || e.personId === me) return;
    setTyping((t) => ({ ...t, [e.personId]: Date.now() }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => tick((n) => n + 1), typingShownMs + 50);
  };
  const onPresence = (e: PresenceEvent) => setStatuses((s) => (e.personId in s ? { ...s, [e.personId]: e.status } : s));
  const loadPresence = (hub: CoordinationHub | null) =>
    hub?.presence(channelId).then((list) => setStatuses(Object.fromEntries(list.map((p) => [p.personId, p.status]))), () => undefined);
  /** A posted message ends its author's "typing". */
  const posted = (personId: string) => setTyping((t) => (personId in t ? { ...t, [personId]: 0 } : t));

  return { typingIds: typingNow(typing, Date.now(), me), presentIds: presentNow(statuses, me), onTyping, onPresence, loadPresence, posted };
}
