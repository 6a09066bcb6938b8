import { useEffect } from "preact/hooks";
import { directiveProgressed, hubConnects, hubLive, type DirectiveProgress } from "../../app/inbox";
import { useStore } from "../../app/store";

export type { DirectiveProgress };

/**
 * The directive pushes of the page's one `/hubs/notifications` connection (the bell's, app/inbox.ts), for as long as
 * the screen is open: `onProgress` for each `directiveProgressed` push (the issuing unit's officials hear every unit's
 * step), `onResync` after each (re)connect, when pushes may have been missed (the screen reads the roll-up again: the
 * server's figures are the truth, the pushes only say when to look). Returns whether the connection is up.
 */
export function useDirectiveProgress(onProgress: (p: DirectiveProgress) => void, onResync: () => void): boolean {
  useEffect(
    () =>
      directiveProgressed.subscribe((p) => {
        if (p) onProgress(p);
      }),
    [],
  );
  useEffect(() => hubConnects.subscribe(() => onResync()), []);
  return useStore(hubLive);
}
