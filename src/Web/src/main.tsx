import { render } from "preact";
import { App } from "./app/App";
import { initLocale } from "./app/i18n";
import { startRouter } from "./app/router";
import "./app/styles.css";

startRouter();
initLocale().finally(() => render(<App />, document.getElementById("app")!));

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  addEventListener("load", () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined));
}
