import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { useEffect, useState } from "preact/hooks";
import { session } from "../../app/session";

export interface DirectiveProgress {
  directiveId: string;
  unitId: string;
  status: string;
  version: number;
}

/**
 * `/hubs/notifications` for as long as the screen is open: `onProgress` for each `directiveProgressed` push (the
 * issuing unit's officials hear every unit's step), `onResync` after a reconnect, when pushes may have been missed
 * (the screen reads the roll-up again: the server's figures are the truth, the pushes only say when to look).
 */
export function useDirectiveProgress(onProgress: (p: DirectiveProgress) => void, onResync: () => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connection: HubConnection = new HubConnectionBuilder()
      .withUrl("/hubs/notifications", { accessTokenFactory: () => session.value?.token ?? "" })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000])
      .configureLogging(LogLevel.None)
      .build();
    connection.on("directiveProgressed", (p: DirectiveProgress) => onProgress(p));
    connection.onreconnecting(() => setLive(false));
    connection.onreconnected(() => (setLive(true), onResync()));
    connection.onclose(() => {
      setLive(false);
      if (!stopped) retry = setTimeout(start, 5000);
    });
    function start() {
      connection.start().then(
        () => (stopped ? void connection.stop() : (setLive(true), onResync())),
        () => !stopped && (retry = setTimeout(start, 5000)),
      );
    }
    start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      void connection.stop();
    };
  }, []);
  return live;
}
