import { ContentError } from "./ContentError";
import { cnt } from "./i18n";

/** A list's paging error and its "more" button. */
export function More({ list }: { list: { after: string | null; paging: { busy: boolean; error: unknown }; next: () => void } }) {
  return (
    <>
      {list.paging.error !== undefined && <ContentError error={list.paging.error} />}
      {list.after && (
        <p>
          <button type="button" class="secondary" disabled={list.paging.busy} onClick={list.next}>{cnt("news.more")}</button>
        </p>
      )}
    </>
  );
}
