import { useState } from "preact/hooks";
import { formatDate, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { Show, useAction, useTitle } from "../../../app/ui";
import type { ConsolePublishedResourcesQuery } from "../../../gql/console/graphql";
import { request } from "../api";
import { SearchForm } from "../SearchForm";
import { ContentError } from "./ContentError";
import { PublishedResourcesQuery, WithdrawResourceMutation } from "./documents";
import { cnt } from "./i18n";
import { MyUnits } from "./MyUnits";
import { More } from "./More";
import { usePaged } from "./paged";
import { ResourceForm } from "./ResourceForm";

export type Published = ConsolePublishedResourcesQuery["publishedResources"]["nodes"][number];

/**
 * The library's resources my units published (#21 Content): approved in the unit's subtree, newest first, 20 a page,
 * searched folded as the library is; each edited with the version read (a VERSION_CONFLICT keeps the typed text) or
 * withdrawn with a reason after a second question (the server's rule: an official must give one).
 */
export default function PublishedPage(_: RouteProps) {
  useTitle(cnt("published.title"));
  return (
    <section class="console">
      <h1>{cnt("published.title")}</h1>
      <p>{cnt("published.intro")}</p>
      <MyUnits>{(unit) => <UnitResources key={unit.id} unitId={unit.id} />}</MyUnits>
    </section>
  );
}

function UnitResources({ unitId }: { unitId: string }) {
  const [search, setSearch] = useState<string | null>(null);
  const list = usePaged((after) => request(PublishedResourcesQuery, { unitId, search, after }).then((r) => r.publishedResources), [unitId, search]);
  const [done, setDone] = useState("");
  const finished = (message: string) => (setDone(message), list.reload());
  return (
    <>
      <SearchForm id="published-q" label={cnt("published.search")} button={cnt("published.searchButton")} find={async (text) => setSearch(text)} />
      {done && <p class="notice" role="status" data-testid="published-done">{done}</p>}
      <Show loaded={list.loaded}>
        {() => (
          <>
            {list.items.length === 0 ? (
              <p class="muted" data-testid="published-empty">{cnt(search ? "published.noneFound" : "published.none")}</p>
            ) : (
              <ul class="cards" data-testid="published">
                {list.items.map((r) => (
                  <Row key={r.id} item={r} finished={finished} reload={list.reload} />
                ))}
              </ul>
            )}
            <More list={list} />
          </>
        )}
      </Show>
    </>
  );
}

function Row({ item, finished, reload }: { item: Published; finished: (message: string) => void; reload: () => void }) {
  const [mode, setMode] = useState<"read" | "edit" | "withdraw" | "confirm">("read");
  const [reason, setReason] = useState("");
  const action = useAction();
  const reasonId = `withdraw-${item.id}`;
  const withdraw = () =>
    void action.run(async () => {
      await request(WithdrawResourceMutation, { input: { resourceId: item.id, expectedVersion: item.version, reason } });
      finished(cnt("published.withdrawn", { title: item.title }));
    });
  function ask(e: Event) {
    e.preventDefault();
    action.clear();
    setMode("confirm");
  }
  return (
    <li class="card" data-testid="published-item">
      <h2 class="card-title">
        <a href={`/library/${item.id}`}>{item.title}</a>
      </h2>
      <p class="muted">
        {t(("topic." + item.domain) as MessageKey)} · {cnt("published.meta", { unit: item.reviewUnit?.name ?? "—", date: formatDate(item.submittedAt), version: item.version })}
        {item.editedAt ? " · " + cnt("news.edited", { date: formatDate(item.editedAt) }) : ""}
      </p>
      {action.error !== undefined && <ContentError error={action.error} />}
      {mode === "edit" && <ResourceForm item={item} finished={(m) => (setMode("read"), finished(m))} reload={reload} cancel={() => setMode("read")} />}
      {mode === "read" && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setMode("edit")}>{cnt("published.edit")}</button>
          <button type="button" class="secondary" onClick={() => setMode("withdraw")}>{cnt("published.withdraw")}</button>
        </div>
      )}
      {mode === "withdraw" && (
        <form onSubmit={ask} noValidate>
          <label for={reasonId}>{cnt("published.reason")}</label>
          <textarea id={reasonId} aria-required="true" maxLength={2000} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <div class="actions">
            <button type="submit">{cnt("published.withdraw")}</button>
            <button type="button" class="secondary" onClick={() => (action.clear(), setMode("read"))}>{cnt("review.cancel")}</button>
          </div>
        </form>
      )}
      {mode === "confirm" && (
        <div role="group" aria-label={cnt("published.withdraw")}>
          <p>{cnt("published.withdrawConfirm", { title: item.title })}</p>
          <div class="actions">
            <button type="button" disabled={action.busy} onClick={withdraw}>{cnt("published.withdrawYes")}</button>
            <button type="button" class="secondary" onClick={() => (action.clear(), setMode("withdraw"))}>{cnt("review.cancel")}</button>
          </div>
        </div>
      )}
    </li>
  );
}
