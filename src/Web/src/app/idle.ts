import { inFlight } from "../api/client";

/**
 * Runs `work` once the first screen is done: after the page's `load`, at an idle moment when no GraphQL request is in
 * flight (the screen's own figures have arrived), or `latest` ms after the call at the latest. For what no first
 * screen needs: the bell's live connection (its SignalR chunk, the hub's negotiation, the unread count), the service
 * worker and the push subscription's sync. A Chromium trace of the dashboards at 4× CPU showed that work as tasks and
 * requests competing with the screen's own chunk, requests and first draw (docs/web.md, "The dashboards' blocking
 * time"). Returns a cancel.
 */
export function afterFirstScreen(work: () => void, latest = 10_000): () => void {
  let done = false;
  let idle: number | undefined;
  let unsubscribe: (() => void) | undefined;
  const run = () => {
    if (done) return;
    cancel();
    work();
  };
  const whenIdle = () => {
    if (done) return;
    if (inFlight.value > 0) {
      unsubscribe ??= inFlight.subscribe((n) => n === 0 && whenIdle());
      return;
    }
    const check = () => (inFlight.value > 0 ? whenIdle() : run());
    idle = "requestIdleCallback" in globalThis ? requestIdleCallback(check, { timeout: 500 }) : (setTimeout(check, 1) as unknown as number);
  };
  const deadline = setTimeout(run, latest);
  if (typeof document === "undefined" || document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true });
  function cancel() {
    done = true;
    clearTimeout(deadline);
    removeEventListener("load", whenIdle);
    unsubscribe?.();
    if (idle !== undefined) ("cancelIdleCallback" in globalThis ? cancelIdleCallback(idle) : clearTimeout(idle));
  }
  return cancel;
}
