// Vape's service worker: the shell opens offline. Hashed assets are cached as they are fetched (they never
// change); a page navigation goes to the network and falls back to the cached shell, which says what needs
// the network. The API (GraphQL, hubs, files) is never cached here.
const CACHE = "vape-shell-v1";

// On install: the shell and the scripts and styles it names, so that it opens with no network at all.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const shell = await fetch("/", { cache: "no-cache" });
      const html = await shell.clone().text();
      await cache.put("/", shell);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set(assets), "/manifest.webmanifest", "/icon.svg"]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k !== "vape-push").map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) caches.open(CACHE).then((c) => c.put("/", copy));
          return response;
        })
        .catch(() => caches.match("/")),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/") || url.pathname === "/icon.svg" || url.pathname === "/manifest.webmanifest") {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            const copy = response.clone();
            if (response.ok) caches.open(CACHE).then((c) => c.put(request, copy));
            return response;
          }),
      ),
    );
  }
});

// Web Push (issue #22, ADR 0123): the server's payload is JSON { id, kind, title, body, link } (see
// src/Modules/Notifications/Vape.Notifications/Push/DeliverNotification.cs). Every push shows a notification
// (`userVisibleOnly`); its `data.link` is the screen it is about, only ever a path on this site.
const sameSitePath = (link) => (typeof link === "string" && /^\/(?![/\\])/.test(link) ? link : "/notifications");

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof payload.title === "string" && payload.title ? payload.title : "Vape: thông báo mới";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof payload.body === "string" ? payload.body : "",
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      lang: "vi",
      tag: typeof payload.id === "string" ? payload.id : undefined,
      data: { link: sameSitePath(payload.link), id: payload.id, kind: payload.kind },
    }),
  );
});

// A tap on the notification: an open window of the app goes to its screen (focused); otherwise a new one opens.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(sameSitePath(event.notification.data && event.notification.data.link), self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        try {
          const focused = await open.focus();
          return await (focused || open).navigate(target); // only a window this worker controls can be navigated
        } catch {
          return self.clients.openWindow(target);
        }
      }
      return self.clients.openWindow(target);
    })(),
  );
});

// The push service renewed or dropped the subscription: subscribe again with the same key, then the server must
// hear of it. The worker has no sign-in (the token lives in the tab, ADR 0082), so it leaves the change in a cache
// and tells any open window; the app sends it (`subscribeWebPush`, then `unsubscribeWebPush` for the old one).
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const old = event.oldSubscription;
      const key = old && old.options ? old.options.applicationServerKey : null;
      const renewed = event.newSubscription || (key ? await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
      const change = { oldEndpoint: old ? old.endpoint : null, subscription: renewed ? renewed.toJSON() : null };
      const cache = await caches.open("vape-push");
      await cache.put("/__vape/push-subscription-change", new Response(JSON.stringify(change), { headers: { "content-type": "application/json" } }));
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const w of windows) w.postMessage({ type: "vape:push-subscription-change" });
    })(),
  );
});
