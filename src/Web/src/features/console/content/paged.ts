import { useState } from "preact/hooks";
import { useAction, useLoad } from "../../../app/ui";

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A connection read a page at a time: the first page (reloaded on `reload`, which drops the pages read after it) and
 * "more" appending the next; `after` is the cursor of the next page, null when there is none.
 */
export function usePaged<T>(load: (after: string | null) => Promise<Page<T>>, key: unknown[]) {
  const loaded = useLoad(() => load(null), key);
  const [more, setMore] = useState<{ nodes: T[]; after: string | null } | null>(null);
  const paging = useAction();
  const firstPage = loaded.data;
  const after = more ? more.after : firstPage?.pageInfo.hasNextPage ? (firstPage.pageInfo.endCursor ?? null) : null;
  return {
    loaded,
    items: [...(firstPage?.nodes ?? []), ...(more?.nodes ?? [])],
    after,
    paging,
    reload: () => (setMore(null), loaded.reload()),
    next: () =>
      void paging.run(async () => {
        if (!after) return;
        const page = await load(after);
        setMore((m) => ({ nodes: [...(m?.nodes ?? []), ...page.nodes], after: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null }));
      }),
  };
}
