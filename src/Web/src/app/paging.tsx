import { useEffect, useState } from "preact/hooks";
import { ErrorMessage, useAction } from "./ui";

type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/**
 * A list read page by page: the first page comes from the caller's load, "more" appends the next ones (`after` "" once
 * there are none left); `deps` starts again from the first page.
 */
export function useMorePages<T>(first: Page<T> | undefined, load: (after: string) => Promise<Page<T>>, deps: unknown[]) {
  const [more, setMore] = useState<{ nodes: T[]; after: string | null }>({ nodes: [], after: null });
  const paging = useAction();
  useEffect(() => setMore({ nodes: [], after: null }), deps);
  const next = () =>
    paging.run(async () => {
      const after = more.after ?? first?.pageInfo.endCursor;
      if (!after) return;
      const page = await load(after);
      setMore((m) => ({ nodes: [...m.nodes, ...page.nodes], after: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? "") : "" }));
    });
  return {
    next,
    paging,
    items: (page: Page<T>) => [...page.nodes, ...more.nodes],
    hasMore: (page: Page<T>) => (more.after === null ? page.pageInfo.hasNextPage : more.after !== ""),
  };
}

/** The failed page's error with a retry, and the "more" button while there is more. */
type Paging = { next: () => unknown; paging: { busy: boolean; error: unknown } };

export function MorePages({ pages, hasMore, label }: { pages: Paging; hasMore: boolean; label: string }) {
  return (
    <>
      {pages.paging.error !== undefined && <ErrorMessage error={pages.paging.error} retry={pages.next} />}
      {hasMore && (
        <p>
          <button type="button" class="secondary" onClick={pages.next} disabled={pages.paging.busy}>
            {label}
          </button>
        </p>
      )}
    </>
  );
}
