import { request } from "../../api/client";
import { SubscribeWebPushMutation, UnsubscribeWebPushMutation, WebPushPublicKeyQuery } from "./documents";

/** Why this device cannot receive Web Push: no support, permission refused, or no push service answered. */
export class PushUnavailable extends Error {
  constructor(readonly reason: "unsupported" | "denied" | "failed") {
    super(reason);
    this.name = "PushUnavailable";
  }
}

/** The key as `applicationServerKey` wants it: the bytes of the server's base64url VAPID public key. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  const raw = atob(b64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function supported(): boolean {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator && typeof PushManager !== "undefined" && typeof Notification !== "undefined";
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  return existing ?? (await navigator.serviceWorker.register("/sw.js"));
}

/** This device's subscription, if it has one (null where Web Push is not supported). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!supported()) return null;
  const reg = await navigator.serviceWorker.getRegistration("/");
  return reg ? await reg.pushManager.getSubscription() : null;
}

/** The subscription as `subscribeWebPush` takes it (`PushSubscription.toJSON()`). */
export function subscriptionInput(json: PushSubscriptionJSON): { endpoint: string; p256dh: string; auth: string } {
  return { endpoint: json.endpoint ?? "", p256dh: json.keys?.["p256dh"] ?? "", auth: json.keys?.["auth"] ?? "" };
}

/**
 * Turns Web Push on for this device: asks permission, subscribes with the server's VAPID key and tells the server.
 * Throws PushUnavailable when the browser cannot (no push service: headless browsers, some phones); the inbox works
 * regardless.
 */
export async function enablePush(): Promise<void> {
  if (!supported()) throw new PushUnavailable("unsupported");
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new PushUnavailable("denied");
  const key = (await request(WebPushPublicKeyQuery)).webPushPublicKey;
  let subscription: PushSubscription;
  try {
    const reg = await registration();
    await navigator.serviceWorker.ready;
    subscription = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(key) }));
  } catch {
    throw new PushUnavailable("failed");
  }
  await request(SubscribeWebPushMutation, { input: subscriptionInput(subscription.toJSON()) });
}

/** Turns Web Push off for this device: the server forgets the endpoint, then the browser drops the subscription. */
export async function disablePush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await request(UnsubscribeWebPushMutation, { input: { endpoint: subscription.endpoint } });
  await subscription.unsubscribe();
}

/** The pending change the service worker left (`pushsubscriptionchange` while no page was open): see public/sw.js. */
const PENDING = "/__vape/push-subscription-change";

/**
 * Tells the server about a subscription the service worker renewed (`pushsubscriptionchange`): the new one is
 * subscribed, the old one removed. Called when the worker says so and when the app opens signed in.
 */
export async function syncRenewedSubscription(): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open("vape-push");
  const hit = await cache.match(PENDING);
  if (!hit) return;
  const change = (await hit.json()) as { oldEndpoint?: string; subscription?: PushSubscriptionJSON };
  if (change.subscription?.endpoint) await request(SubscribeWebPushMutation, { input: subscriptionInput(change.subscription) });
  if (change.oldEndpoint && change.oldEndpoint !== change.subscription?.endpoint)
    await request(UnsubscribeWebPushMutation, { input: { endpoint: change.oldEndpoint } });
  await cache.delete(PENDING);
}
