/** An external issuer the host trusts, as `GET /auth/providers` lists it (docs/adr/0204). */
export interface Provider {
  kind: "officials" | "citizens";
  authority: string;
  clientId: string;
  scopes: string[];
  protocolMode: "AAD" | "OIDC";
  knownAuthorities: string[];
}

/** The issuers configured on the host; none (or no answer): the app keeps its local sign-in only. */
export async function fetchProviders(): Promise<Provider[]> {
  try {
    const response = await fetch("/auth/providers");
    if (!response.ok) return [];
    return ((await response.json()) as { providers?: Provider[] }).providers ?? [];
  } catch {
    return [];
  }
}

const PENDING = "vape.signin";

/** What the sign-in started with, kept in this tab while the person is at the provider. */
export interface Pending {
  provider: Provider;
  next: string;
}

export function savePending(p: Pending): void {
  sessionStorage.setItem(PENDING, JSON.stringify(p));
}

export function readPending(): Pending | null {
  try {
    const raw = sessionStorage.getItem(PENDING);
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

export function clearPending(): void {
  sessionStorage.removeItem(PENDING);
}
