import { ErrorMessage, useAction } from "../../app/ui";

/**
 * A folded search's form (a label, the box, a button) that hands the trimmed text to `find` (null when empty), with
 * the search's error below it.
 */
export function SearchForm({ id, label, button, find }: { id: string; label: string; button: string; find: (text: string | null) => Promise<void> }) {
  const search = useAction();
  function submit(e: Event) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    void search.run(() => find(text || null));
  }
  return (
    <>
      <form role="search" class="row" onSubmit={submit}>
        <div>
          <label for={id}>{label}</label>
          <input id={id} name="q" type="search" maxLength={200} />
        </div>
        <button type="submit" disabled={search.busy}>{button}</button>
      </form>
      {search.error !== undefined && <ErrorMessage error={search.error} />}
    </>
  );
}
