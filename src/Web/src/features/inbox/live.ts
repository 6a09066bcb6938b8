import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { request } from "../../api/client";
import { arrived, directiveProgressed, hubConnects, hubLive, unreadCount, type DirectiveProgress, type InboxNotification } from "../../app/inbox";
import { UnreadNotificationCountQuery } from "./documents";

/**
 * The person's connection to `/hubs/notifications` (ADR 0122): `notificationReceived` and `notificationsRead` move
 * the bell; after every (re)connect the count is read again, since pushes sent while the connection was down are
 * lost (connect, then catch up). The server's count is the truth: a push only says when to look again.
 * The same connection carries `directiveProgressed` for the roll-up screens (app/inbox.ts: one connection a page).
 * Returns a function that closes the connection.
 */
export function connectInbox(token: () => string): () => void {
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const refresh = () => {
    const mine = ++asked;
    request(UnreadNotificationCountQuery).then(
      (r) => !stopped && mine === asked && unreadCount.set(r.unreadNotificationCount),
      () => undefined,
    );
  };
  const connection: HubConnection = new HubConnectionBuilder()
    .withUrl("/hubs/notifications", { accessTokenFactory: token })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000])
    .configureLogging(LogLevel.None)
    .build();
  connection.on("notificationReceived", (n: InboxNotification) => {
    arrived.set(n);
    refresh();
  });
  connection.on("notificationsRead", (r: { unreadCount: number }) => {
    asked++; // a count read before this push is older than it
    unreadCount.set(r.unreadCount);
  });
  connection.on("directiveProgressed", (p: DirectiveProgress) => directiveProgressed.set(p));
  connection.on("directiveEscalationsRecorded", (p: { directiveId: string }) => directiveProgressed.set({ ...p, unitId: "", status: "ESCALATED", version: 0 }));
  const connected = () => {
    hubLive.set(true);
    hubConnects.set(hubConnects.value + 1);
    refresh();
  };
  connection.onreconnecting(() => hubLive.set(false));
  connection.onreconnected(connected);
  connection.onclose(() => {
    hubLive.set(false);
    if (!stopped) retry = setTimeout(start, 5000);
  });
  function start() {
    connection.start().then(
      () => (stopped ? void connection.stop() : connected()),
      () => {
        if (stopped) return;
        refresh(); // the count still shows without the live connection
        retry = setTimeout(start, 5000);
      },
    );
  }
  start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    void connection.stop();
  };
}
