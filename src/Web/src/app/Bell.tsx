import { t } from "./i18n";
import { useInboxLive } from "./inbox";
import "./bell.css";

/** The shell's bell: the unread count, moving live (app/inbox.ts), and the way into the inbox. */
export function Bell({ current }: { current: boolean }) {
  const count = useInboxLive();
  const unread = count ?? 0;
  return (
    <a
      href="/notifications"
      class="bell"
      data-testid="bell"
      aria-current={current ? "page" : undefined}
      aria-label={unread > 0 ? t("nav.inboxUnread", { count: unread }) : t("nav.inbox")}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && (
        <span class="bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </a>
  );
}
