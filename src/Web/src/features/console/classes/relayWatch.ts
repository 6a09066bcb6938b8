import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { useEffect, useRef, useState } from "preact/hooks";
import { session } from "../../../app/session";

/**
 * The relay panel follows a live session from outside its room: `/hubs/classroom`'s `WatchRelays` (not counted as
 * present) pushes each relay's `relayHeadcountChanged` and the room's end. Each push, and each (re)connect, says
 * "read again": the figures are GraphQL's `classroomSnapshot`, on whichever host answers. Returns whether it is live.
 */
export function useRelayWatch(sessionId: string, changed: () => void): boolean {
  const latest = useRef(changed);
  latest.current = changed;
  const [live, setLive] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), 200);
    };
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/classroom", { accessTokenFactory: () => session.value?.token ?? "" })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000])
      .configureLogging(LogLevel.None)
      .build();
    connection.on("classroomEvent", soon);
    const watch = () =>
      connection.invoke("WatchRelays", sessionId).then(
        () => (setLive(true), soon()),
        () => setLive(false),
      );
    connection.onreconnecting(() => setLive(false));
    connection.onreconnected(() => void watch());
    connection.start().then(watch, () => setLive(false));
    return () => {
      clearTimeout(timer);
      void connection.stop();
    };
  }, [sessionId]);
  return live;
}
