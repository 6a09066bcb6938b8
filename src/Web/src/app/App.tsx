import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { locale, setLocale, t } from "./i18n";
import { location, match, navigate, type RouteProps } from "./router";
import { routes } from "./routes";
import { renewDelay, session, signOut } from "./session";
import { useStore } from "./store";
import { ErrorMessage, Loading } from "./ui";
import { useIsOfficial } from "../features/console/officials";
import { Bell } from "./Bell";

export function App() {
  const url = useStore(location);
  const who = useStore(session);
  const lang = useStore(locale);
  const online = useOnline();
  const official = useIsOfficial();
  const found = match(routes, url.pathname);
  const [page, setPage] = useState<{ pattern: string; Component: ComponentType<RouteProps> } | { error: unknown } | null>(null);

  const needsSignIn = found && !found.route.public && !who;
  // Signed in at an external issuer: MSAL's chunk renews the token a minute before it ends (docs/adr/0204); this is
  // the one place that schedules it. The chunk is fetched only then, never with a screen's first load (ByteBudgetTests).
  const provider = who?.provider;
  const token = who?.token;
  useEffect(() => {
    if (!provider || !token) return;
    const due = setTimeout(() => void import("../features/signin/msal").then((m) => m.renewNow()), renewDelay(token));
    return () => clearTimeout(due);
  }, [provider, token]);
  useEffect(() => {
    if (needsSignIn) navigate("/sign-in?next=" + encodeURIComponent(url.pathname + url.search), true);
  }, [needsSignIn]);

  useEffect(() => {
    if (!found || needsSignIn) return;
    let live = true;
    found.route.load().then(
      (m) => live && setPage({ pattern: found.route.pattern, Component: m.default }),
      (error: unknown) => live && setPage({ error }),
    );
    return () => {
      live = false;
    };
  }, [found?.route.pattern, needsSignIn]);

  let content;
  if (!found) content = <NotFound />;
  else if (page && "error" in page) content = <ErrorMessage error={page.error} retry={() => location.set(new URL(url))} />;
  else if (page && page.pattern === found.route.pattern && !needsSignIn)
    content = <page.Component key={url.pathname} params={found.params} query={url.searchParams} />;
  else content = <Loading />;

  const here = (path: string) => (url.pathname === path || (path !== "/" && url.pathname.startsWith(path + "/")) ? "page" : undefined);
  return (
    <>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <header class="top">
        <a href="/" class="brand" aria-label={`${t("app.name")} – ${t("app.org")}`}>
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>{t("app.name")}</span>
        </a>
        {who?.personId && <Bell current={url.pathname === "/notifications"} />}
        {who?.personId && (
          <a href="/settings/notifications" class="bell" aria-label={t("inbox.settings")} aria-current={here("/settings/notifications")}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.4 2.6h4l.4-2.6c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5L19.4 13ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z" transform="translate(-1 0)" />
            </svg>
          </a>
        )}
        <button type="button" class="link" lang={lang === "vi" ? "en" : "vi"} title={t("app.languageLabel")} onClick={() => setLocale(lang === "vi" ? "en" : "vi")}>
          {t("app.language")}
        </button>
        {who ? (
          <button type="button" class="link" onClick={() => {
            if (who.provider) void import("../features/signin/msal").then((m) => m.signOutEverywhere());
            else { signOut(); navigate("/sign-in"); }
          }}>
            {t("nav.signOut")}
          </button>
        ) : (
          <a href="/sign-in">{t("nav.signIn")}</a>
        )}
      </header>
      {!online && (
        <p class="banner" role="status">
          {t("app.offline")}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <nav class="tabs" aria-label={t("nav.label")}>
        <a href="/" aria-current={here("/")}>{t("nav.home")}</a>
        <a href="/classes" aria-current={here("/classes")}>{t("nav.classes")}</a>
        <a href="/record" aria-current={here("/record")}>{t("nav.record")}</a>
        <a href="/library" aria-current={here("/library")}>{t("nav.library")}</a>
        <a href="/funds" aria-current={here("/funds")}>{t("nav.funds")}</a>
        {official && <a href="/console" aria-current={here("/console")}>{t("nav.console")}</a>}
      </nav>
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>{t("app.notFound")}</h1>
      <p>
        <a href="/">{t("app.backHome")}</a>
      </p>
    </section>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === "undefined" ? true : navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener("online", on);
    addEventListener("offline", off);
    return () => {
      removeEventListener("online", on);
      removeEventListener("offline", off);
    };
  }, []);
  return online;
}
