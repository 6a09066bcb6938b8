import { useEffect, useState } from "preact/hooks";
import { formatDateTime, locale, t } from "../../app/i18n";
import { arrived, unreadCount, type InboxNotification } from "../../app/inbox";
import { useStore } from "../../app/store";
import { ErrorMessage, Loading, useAction, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { MarkNotificationsReadMutation, MyNotificationsQuery } from "./documents";
import { notificationHref, relativeTime } from "./format";
import "./inbox.css";

const PAGE = 20;

/**
 * My notifications (issue #22): unread on top, newest first (the server's order, ADR 0122), 20 a page, then "Xem
 * thêm"; each with its text, when it came and a link to what it is about; marking one or all as read. A notification
 * pushed while the page is open is put on top.
 */
export default function InboxPage() {
  useTitle(t("inbox.title"));
  const lang = useStore(locale);
  const [items, setItems] = useState<InboxNotification[] | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const loading = useAction();
  const marking = useAction();
  const [, setNow] = useState(0);

  const load = (cursor: string | null) =>
    loading.run(async () => {
      const page = (await request(MyNotificationsQuery, { first: PAGE, after: cursor })).myNotifications;
      setItems((old) => {
        const have = new Set((cursor ? old ?? [] : []).map((n) => n.id));
        return [...(cursor ? old ?? [] : []), ...page.nodes.filter((n) => !have.has(n.id))];
      });
      setAfter(page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
    });

  useEffect(() => void load(null), []);
  // A notification that arrives while the page is open goes on top (once, even if a page already brought it).
  useEffect(
    () =>
      arrived.subscribe((n) => {
        if (n) setItems((old) => (old === null || old.some((o) => o.id === n.id) ? old : [{ ...n, readAt: null }, ...old]));
      }),
    [],
  );
  // All read on another device (`notificationsRead` with nothing left unread): none is shown as unread here either.
  useEffect(
    () =>
      unreadCount.subscribe((count) => {
        if (count !== 0) return;
        const at = new Date().toISOString();
        setItems((old) => (old?.some((n) => !n.readAt) ? old.map((n) => (n.readAt ? n : { ...n, readAt: at })) : old));
      }),
    [],
  );
  // "5 phút trước" stays true while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow((x) => x + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  const mark = (ids: string[] | null) =>
    marking.run(async () => {
      const r = await request(MarkNotificationsReadMutation, { input: ids ? { ids } : { all: true } });
      const at = new Date().toISOString();
      setItems((old) => old?.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: at } : n)) ?? old);
      unreadCount.set(r.markNotificationsRead.unreadCount);
    });

  const anyUnread = !!items?.some((n) => !n.readAt);
  return (
    <section>
      <h1>{t("inbox.title")}</h1>
      <p>
        <a href="/settings/notifications">{t("inbox.settings")}</a>
      </p>
      {items === null ? (
        loading.error !== undefined ? <ErrorMessage error={loading.error} retry={() => void load(null)} /> : <Loading />
      ) : items.length === 0 ? (
        <p class="muted">{t("inbox.empty")}</p>
      ) : (
        <>
          <p class="muted">{t("inbox.order")}</p>
          {anyUnread && (
            <p>
              <button type="button" class="secondary" onClick={() => void mark(null)} disabled={marking.busy}>
                {t("inbox.markAllRead")}
              </button>
            </p>
          )}
          {marking.error !== undefined && <ErrorMessage error={marking.error} />}
          <ul class="cards" data-testid="notifications">
            {items.map((n) => {
              const href = notificationHref(n.link);
              const unread = !n.readAt;
              return (
                <li key={n.id} class={unread ? "card notice unread" : "card notice"} data-testid="notification">
                  <h2 class="card-title" id={"n-" + n.id}>
                    {href ? <a href={href}>{n.title}</a> : n.title}
                  </h2>
                  <p>{n.body}</p>
                  <p class="muted notice-meta">
                    {unread && <span class="badge">{t("inbox.unread")}</span>}
                    <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, lang)}>
                      {relativeTime(n.createdAt, lang, t("inbox.justNow"))}
                    </time>
                  </p>
                  {unread && (
                    <button type="button" class="secondary" aria-describedby={"n-" + n.id} onClick={() => void mark([n.id])} disabled={marking.busy}>
                      {t("inbox.markRead")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {items !== null && loading.error !== undefined && <ErrorMessage error={loading.error} retry={() => void load(after)} />}
          {after && (
            <p>
              <button type="button" class="secondary" onClick={() => void load(after)} disabled={loading.busy}>
                {t("inbox.more")}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
