import { InteractionRequiredAuthError, ProtocolMode, PublicClientApplication, type AuthenticationResult } from "@azure/msal-browser";
import { request } from "../../api/client";
import { session, signedIn, signOut, type Session } from "../../app/session";
import { MyAccountQuery } from "../account/documents";
import { clearPending, readPending, savePending, type Provider } from "./providers";

// MSAL for browsers (docs/adr/0204): authorization code with PKCE by redirect (phones), its cache in sessionStorage
// (this tab only, as the session; ADR 0082), renewed silently with the refresh token before the access token ends.
// This module is its own chunk, loaded only when the host lists an external issuer.

const apps = new Map<string, Promise<PublicClientApplication>>();

function app(provider: Provider): Promise<PublicClientApplication> {
  let made = apps.get(provider.kind);
  if (!made) {
    const origin = location.origin;
    const pca = new PublicClientApplication({
      auth: {
        clientId: provider.clientId,
        authority: provider.authority,
        knownAuthorities: provider.knownAuthorities,
        redirectUri: origin + "/signed-in",
        postLogoutRedirectUri: origin + "/sign-in",
      },
      cache: { cacheLocation: "sessionStorage" },
      system: { protocolMode: provider.protocolMode === "OIDC" ? ProtocolMode.OIDC : ProtocolMode.AAD },
    });
    made = pca.initialize().then(() => pca);
    apps.set(provider.kind, made);
  }
  return made;
}

/** Off to the provider's sign-in page; the answer comes back to `/signed-in`. */
export async function signInWith(provider: Provider, next: string): Promise<void> {
  savePending({ provider, next });
  await (await app(provider)).loginRedirect({ scopes: provider.scopes });
}

/**
 * Back from the provider: the code is exchanged (with the PKCE verifier MSAL kept), the access token becomes the
 * session, and the account's member (if linked) names it. Returns where to go: `next`, or `/claim` for an account
 * not yet linked to a member.
 */
export async function completeSignIn(): Promise<string | null> {
  const pending = readPending();
  if (!pending) return null;
  // MSAL 5 reads the answer at the redirect URI, then goes back to the page the sign-in started from (`/sign-in`) and
  // hands the result over there: both pages call this; null where there is nothing to hand over.
  const result = await (await app(pending.provider)).handleRedirectPromise();
  if (!result) return null;
  const s = await adopt(pending.provider, result, pending.next);
  return s.personId ? pending.next : "/claim";
}

async function adopt(provider: Provider, result: AuthenticationResult, next?: string): Promise<Session> {
  const current = session.value;
  signedIn({ token: result.accessToken, personId: current?.provider === provider.kind ? current.personId : "", name: result.account.name ?? "", provider: provider.kind });
  if (next !== undefined) {
    const { myAccount } = await request(MyAccountQuery);
    const person = myAccount?.person;
    if (person) signedIn({ ...session.value!, personId: person.id, name: person.fullName });
  }
  return session.value!;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Renews this tab's token now if a provider issued it. The shell calls it a minute before the token ends (`renewDelay`). */
export function renewNow(): void {
  clearTimeout(timer);
  const s = session.value;
  const pending = readPending();
  if (!s?.provider || !pending || pending.provider.kind !== s.provider) return;
  void renew(pending.provider);
}

/** A new access token now, from MSAL's cache or the refresh token; interaction needed: signed out here. */
export async function renew(provider: Provider): Promise<void> {
  const pca = await app(provider);
  const account = pca.getAllAccounts()[0];
  if (!account) return signOut();
  try {
    const result = await pca.acquireTokenSilent({ scopes: provider.scopes, account, forceRefresh: true });
    await adopt(provider, result);
  } catch (e) {
    if (e instanceof InteractionRequiredAuthError) signOut();
    else timer = setTimeout(() => void renew(provider), 30_000);
  }
}

/** Signs out here and at the provider (its end-session page), which sends the person back to `/sign-in`. */
export async function signOutEverywhere(): Promise<void> {
  clearTimeout(timer);
  const pending = readPending();
  signOut();
  clearPending();
  if (!pending) return;
  const pca = await app(pending.provider);
  await pca.logoutRedirect({ account: pca.getAllAccounts()[0] ?? null });
}
