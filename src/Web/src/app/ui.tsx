import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../api/errors";
import { t } from "./i18n";

/** A load's state: the data, the error, and a way to load again. */
export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes; keeps the previous data while reloading. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const current = useRef(0);
  useEffect(() => {
    const id = ++current.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => id === current.current && setState({ data, loading: false }),
      (error: unknown) => id === current.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [...key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** An error as a person reads it: what happened and what to do, with a retry button when one helps. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>{describeError(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t("error.retry")}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      {t("app.loading")}
    </p>
  );
}

/** Shows the loaded data, the loading line or the error. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.data !== undefined) {
    return (
      <>
        {loaded.error !== undefined && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
        {children(loaded.data)}
      </>
    );
  }
  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} retry={loaded.reload} />;
  return <Loading />;
}

/** Runs an action (a mutation), keeping its error for display and a busy flag against double submits. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Vape`;
  }, [title]);
}
