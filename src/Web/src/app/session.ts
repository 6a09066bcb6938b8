import { Store } from "./store";

/** Who is signed in. The token lives in memory and in sessionStorage (this tab only; see docs/adr/0082). */
export interface Session {
  token: string;
  personId: string;
  name: string;
  login?: string;
  /** Signed in at an external issuer through MSAL (`officials` or `citizens`; docs/adr/0204): renewed and ended there. */
  provider?: string;
}

const KEY = "vape.session";

function restore(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return expired(s.token) ? null : s;
  } catch {
    return null;
  }
}

/** When the JWT's `exp` falls (ms since the epoch), 0 when it cannot be read. */
export function expiresAt(token: string): number {
  try {
    const part = token.split(".")[1] ?? "";
    const json = JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
    return typeof json.exp === "number" ? json.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** How long until a token issued by a provider is renewed: a minute before it ends (docs/adr/0204). */
export function renewDelay(token: string, now = Date.now()): number {
  return Math.max(0, expiresAt(token) - now - 60_000);
}

/** True when the JWT's `exp` has passed (or cannot be read). */
export function expired(token: string, now = Date.now()): boolean {
  return expiresAt(token) <= now;
}

export const session = new Store<Session | null>(restore());

export function signedIn(s: Session): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    /* storage refused: memory only */
  }
  session.set(s);
}

export function signOut(): void {
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    /* nothing kept */
  }
  session.set(null);
}

/** Development sign-in: POST /dev/token (absent in Production, then 404). */
export async function devSignIn(login: string): Promise<Session | "unavailable"> {
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login }),
  });
  if (response.status === 404 && !(response.headers.get("content-type") ?? "").includes("json")) return "unavailable";
  if (!response.ok) return "unavailable";
  const body = (await response.json()) as { accessToken: string; personId: string; name: string };
  const s = { token: body.accessToken, personId: body.personId, name: body.name, login };
  signedIn(s);
  return s;
}
