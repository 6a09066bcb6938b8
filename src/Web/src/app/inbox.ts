import { useEffect } from "preact/hooks";
import { afterFirstScreen } from "./idle";
import { session } from "./session";
import { Store, useStore } from "./store";

/** A notification as the hub pushes it (`notificationReceived`) and the inbox lists it. */
export interface InboxNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  createdAt: string;
  readAt?: string | null;
}

/** The signed-in person's unread count (null while unknown): the bell in the shell shows it. */
export const unreadCount = new Store<number | null>(null);
/** The latest notification pushed live, for the inbox page to put on top without a reload. */
export const arrived = new Store<InboxNotification | null>(null);

/**
 * A unit's step on a directive, as `/hubs/notifications` pushes it (`directiveProgressed`) to the issuer's officials;
 * `directiveEscalationsRecorded` (overdue units reported to their parents) comes here too, as status ESCALATED.
 */
export interface DirectiveProgress {
  directiveId: string;
  unitId: string;
  status: string;
  version: number;
}

/**
 * The one `/hubs/notifications` connection of the page, as other screens follow it (a directive's roll-up): whether it
 * is up, how many times it has (re)connected (a screen reads its figures again after each, since pushes sent while it
 * was down are lost), and the latest `directiveProgressed` push.
 */
export const hubLive = new Store<boolean>(false);
export const hubConnects = new Store<number>(0);
export const directiveProgressed = new Store<DirectiveProgress | null>(null);

/**
 * While a member is signed in: the count and the live connection to `/hubs/notifications`. The SignalR client and
 * the GraphQL documents are loaded on demand (features/inbox/live.ts), after the first screen (app/idle.ts), so the
 * first screen's bytes and main thread stay as they were.
 */
export function useInboxLive(): number | null {
  const who = useStore(session);
  useEffect(() => {
    unreadCount.set(null);
    arrived.set(null);
    if (!who?.personId) return; // an account not yet linked to a member has no inbox (it claims one first)
    let stop: (() => void) | null = null;
    let gone = false;
    // Once the first screen is done: the SignalR chunk and the hub's negotiation are no part of any first screen (the
    // count shows a moment later; a screen that follows the hub reads its figures again when it connects).
    const later = afterFirstScreen(() =>
      import("../features/inbox/live").then(
        (m) => {
          if (!gone) stop = m.connectInbox(() => session.value?.token ?? "");
        },
        () => undefined,
      ),
    );
    return () => {
      gone = true;
      later();
      stop?.();
      hubLive.set(false);
    };
  }, [who?.personId]);
  return useStore(unreadCount);
}
