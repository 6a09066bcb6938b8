import { useState } from "preact/hooks";
import { formatDate } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { Show, useAction, useTitle } from "../../../app/ui";
import { toAppError } from "../../../api/errors";
import type { ConsoleUnitNewsQuery } from "../../../gql/console/graphql";
import { Paragraphs } from "../../news/text";
import { request } from "../api";
import { ContentError } from "./ContentError";
import { EditNewsMutation, PublishNewsMutation, UnitNewsQuery, WithdrawNewsMutation, WithdrawnNewsQuery } from "./documents";
import { cnt } from "./i18n";
import { MyUnits } from "./MyUnits";
import { More } from "./More";
import { usePaged } from "./paged";

type Item = ConsoleUnitNewsQuery["news"]["nodes"][number];

/**
 * News of my units (#21 Content): the unit's feed (its subtree's, newest first, with each item's version), a form to
 * write one with a preview drawn as the learner's news page draws it, edit with the version read (a VERSION_CONFLICT
 * keeps the typed text), and withdraw after a confirmation; withdrawn news below, with their last text and version.
 */
export default function ConsoleNewsPage(_: RouteProps) {
  useTitle(cnt("news.title"));
  return (
    <section class="console">
      <h1>{cnt("news.title")}</h1>
      <MyUnits>{(unit) => <UnitNews key={unit.id} unitId={unit.id} />}</MyUnits>
    </section>
  );
}

function UnitNews({ unitId }: { unitId: string }) {
  const news = usePaged((after) => request(UnitNewsQuery, { unitId, after }).then((r) => r.news), [unitId]);
  const withdrawn = usePaged((after) => request(WithdrawnNewsQuery, { unitId, after }).then((r) => r.withdrawnNews), [unitId]);
  const [done, setDone] = useState("");
  const reload = () => (news.reload(), withdrawn.reload());
  const finished = (message: string) => (setDone(message), reload());

  return (
    <>
      {done && <p class="notice" role="status" data-testid="news-done">{done}</p>}
      <h2>{cnt("news.write")}</h2>
      <NewsForm unitId={unitId} finished={finished} />
      <h2>{cnt("news.list")}</h2>
      <Show loaded={news.loaded}>
        {() => (
          <>
            {news.items.length === 0 ? (
              <p class="muted">{cnt("news.none")}</p>
            ) : (
              <ul class="cards" data-testid="unit-news">
                {news.items.map((n) => (
                  <NewsRow key={n.id} item={n} finished={finished} reload={reload} />
                ))}
              </ul>
            )}
            <More list={news} />
          </>
        )}
      </Show>
      <h2>{cnt("news.withdrawnList")}</h2>
      <Show loaded={withdrawn.loaded}>
        {() => (
          <>
            {withdrawn.items.length === 0 ? (
              <p class="muted">{cnt("news.noneWithdrawn")}</p>
            ) : (
              <ul class="cards" data-testid="withdrawn-news">
                {withdrawn.items.map((n) => (
                  <li key={n.id} class="card" data-testid="withdrawn-news-item">
                    <h3 class="card-title">{n.title}</h3>
                    <p class="muted">
                      {cnt("news.withdrawnMeta", { unit: n.unit?.name ?? "—", date: n.withdrawnAt ? formatDate(n.withdrawnAt) : "—", version: n.version })}
                    </p>
                    <Paragraphs text={n.body} />
                  </li>
                ))}
              </ul>
            )}
            <More list={withdrawn} />
          </>
        )}
      </Show>
    </>
  );
}

function NewsRow({ item, finished, reload }: { item: Item; finished: (message: string) => void; reload: () => void }) {
  const [mode, setMode] = useState<"read" | "edit" | "withdraw">("read");
  const action = useAction();
  const withdraw = () =>
    void action.run(async () => {
      await request(WithdrawNewsMutation, { input: { newsId: item.id, expectedVersion: item.version } });
      finished(cnt("news.withdrawn", { title: item.title }));
    });
  return (
    <li class="card" data-testid="unit-news-item">
      <h3 class="card-title">{item.title}</h3>
      <p class="muted">
        {cnt("news.meta", { unit: item.unit?.name ?? "—", date: formatDate(item.publishedAt), version: item.version })}
        {item.editedAt ? " · " + cnt("news.edited", { date: formatDate(item.editedAt) }) : ""}
        {" · "}
        <span class="tag">{cnt(item.public ? "news.visibility.public" : "news.visibility.members")}</span>
      </p>
      {mode === "edit" ? (
        <NewsForm unitId={item.unit?.id ?? ""} item={item} finished={(m) => (setMode("read"), finished(m))} reload={reload} cancel={() => setMode("read")} />
      ) : (
        <>
          <Paragraphs text={item.body} />
          {action.error !== undefined && <ContentError error={action.error} />}
          {mode === "withdraw" ? (
            <div role="group" aria-label={cnt("news.withdraw")}>
              <p>{cnt("news.withdrawConfirm", { title: item.title })}</p>
              <div class="actions">
                <button type="button" disabled={action.busy} onClick={withdraw}>{cnt("news.withdrawYes")}</button>
                <button type="button" class="secondary" onClick={() => (action.clear(), setMode("read"))}>{cnt("news.cancel")}</button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => setMode("edit")}>{cnt("news.edit")}</button>
              <button type="button" class="secondary" onClick={() => setMode("withdraw")}>{cnt("news.withdraw")}</button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

/** Writes a news item (no `item`) or edits one with the version it was read at; the text stays on any refusal. */
function NewsForm({ unitId, item, finished, reload, cancel }: {
  unitId: string; item?: Item; finished: (message: string) => void; reload?: () => void; cancel?: () => void;
}) {
  const [title, setTitle] = useState(item?.title ?? "");
  const [body, setBody] = useState(item?.body ?? "");
  const [isPublic, setPublic] = useState(item?.public ?? false);
  const [preview, setPreview] = useState(false);
  const [conflict, setConflict] = useState(false);
  const action = useAction();
  const id = item ? `news-${item.id}` : "news-new";

  function submit(e: Event) {
    e.preventDefault();
    setConflict(false);
    void action.run(async () => {
      if (!item) {
        const r = await request(PublishNewsMutation, { input: { unitId, title, body, public: isPublic } });
        setTitle("");
        setBody("");
        setPreview(false);
        finished(cnt("news.published", { title: r.publishNews.title }));
        return;
      }
      try {
        const r = await request(EditNewsMutation, { input: { newsId: item.id, title, body, public: isPublic, expectedVersion: item.version } });
        finished(cnt("news.saved", { title: r.editNews.title, version: r.editNews.version }));
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        setConflict(true);
      }
    });
  }

  return (
    <form onSubmit={submit} data-testid={item ? "news-edit" : "news-write"}>
      {item && <p><strong>{cnt("news.editing")}</strong></p>}
      {conflict && (
        <div class="error" role="alert" data-testid="news-conflict">
          <p>{cnt("news.conflict")}</p>
          <p>{cnt("news.conflictHint")}</p>
          <button type="button" class="secondary" onClick={() => (setConflict(false), reload?.())}>{cnt("news.reload")}</button>
        </div>
      )}
      {action.error !== undefined && <ContentError error={action.error} />}
      <label for={`${id}-title`}>{cnt("news.titleField")}</label>
      <input id={`${id}-title`} name="title" required maxLength={200} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <label for={`${id}-body`}>
        {cnt("news.body")} <span class="hint">{cnt("news.bodyHint")}</span>
      </label>
      <textarea id={`${id}-body`} name="body" required rows={8} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      <label class="check">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic((e.target as HTMLInputElement).checked)} /> {cnt("news.public")}
      </label>
      {preview && (
        <section class="card" aria-label={cnt("news.previewTitle")} data-testid="news-preview">
          <p class="muted">{cnt("news.previewTitle")}</p>
          <p class="card-title"><strong>{title}</strong></p>
          <Paragraphs text={body} />
        </section>
      )}
      <div class="actions">
        <button type="button" class="secondary" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? cnt("news.hidePreview") : cnt("news.preview")}
        </button>
        <button type="submit" disabled={action.busy}>{item ? cnt("news.save") : cnt("news.publish")}</button>
        {cancel && <button type="button" class="secondary" onClick={cancel}>{cnt("news.cancel")}</button>}
      </div>
    </form>
  );
}
