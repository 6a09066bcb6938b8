import type { ComponentType } from "preact";
import { Store } from "./store";

export type Params = Record<string, string>;
export interface RouteProps {
  params: Params;
  query: URLSearchParams;
}
type Loader = () => Promise<{ default: ComponentType<RouteProps> }>;

export interface Route {
  pattern: string;
  load: Loader;
  /** Public pages open without sign-in. */
  public?: boolean;
}

export interface Match {
  route: Route;
  params: Params;
}

/** Matches `/classes/:id` style patterns; the first route that fits wins. */
export function match(routes: Route[], path: string): Match | null {
  const parts = split(path);
  for (const route of routes) {
    const pattern = split(route.pattern);
    if (pattern.length !== parts.length) continue;
    const params: Params = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const v = parts[i]!;
      if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(v);
      else ok = p === v;
    }
    if (ok) return { route, params };
  }
  return null;
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

export const location = new Store<URL>(new URL(globalThis.location?.href ?? "http://localhost/"));

export function navigate(to: string, replace = false): void {
  const url = new URL(to, globalThis.location.href);
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  location.set(url);
  window.scrollTo(0, 0);
}

/** Same-origin links navigate without a page load. */
export function startRouter(): void {
  addEventListener("popstate", () => location.set(new URL(globalThis.location.href)));
  document.addEventListener("click", (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.("a");
    if (!a || a.target || a.hasAttribute("download") || a.origin !== globalThis.location.origin) return;
    if (!isAppPath(a.pathname)) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
}

/** Paths the host serves itself (API, hubs, files): a real navigation. */
export function isAppPath(path: string): boolean {
  return !/^\/(graphql|hubs|health|dev|files|records\/|content\/|classes\/sessions\/|funds\/units\/|funds\/ledgers\/)/.test(path);
}
