import { render } from "preact";
import { App } from "./app/App";
import { initLocale, warmFormats } from "./app/i18n";
import { afterFirstScreen } from "./app/idle";
import { startRouter } from "./app/router";
import { session } from "./app/session";
import "./app/styles.css";

startRouter();
initLocale().finally(() => {
  render(<App />, document.getElementById("app")!);
  warmFormats();
});

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  // Neither is part of a first screen: both wait for it to be done (app/idle.ts).
  afterFirstScreen(() => void navigator.serviceWorker.register("/sw.js").catch(() => undefined));
  // A Web Push subscription the worker renewed (`pushsubscriptionchange`) reaches the server from a signed-in tab.
  const sync = () => session.value && void import("./features/settings/push").then((m) => m.syncRenewedSubscription()).catch(() => undefined);
  navigator.serviceWorker.addEventListener("message", (e: MessageEvent<{ type?: string }>) => e.data?.type === "vape:push-subscription-change" && sync());
  afterFirstScreen(sync);
}
