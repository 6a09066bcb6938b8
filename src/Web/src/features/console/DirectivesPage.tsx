import { useState } from "preact/hooks";
import { upload } from "../../api/client";
import { formatDate } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { request } from "./api";
import type { ConsoleMyDirectivesQuery } from "../../gql/console/graphql";
import { AcknowledgeDirectiveMutation, IssuedDirectivesQuery, MyDirectivesQuery, ReportDirectiveMutation } from "./documents";
import { DirectiveDocuments } from "./DirectiveDocuments";
import { Guidance } from "./Guidance";
import { ct, type ConsoleKey } from "./i18n";
import { loadMyRoles } from "./officials";
import { issuingUnits } from "./permissions";

type Item = ConsoleMyDirectivesQuery["myDirectives"]["nodes"][number];

/** Directives: what reached my units (received, read, implemented) and what my units issued, with their roll-ups. */
export default function DirectivesPage(_: RouteProps) {
  useTitle(ct("console.directives"));
  const loaded = useLoad(() => Promise.all([request(MyDirectivesQuery), loadMyRoles()]).then(([d, roles]) => ({ inbox: d.myDirectives.nodes, roles })), []);
  return (
    <section class="console">
      <h1>{ct("console.directives")}</h1>
      <Show loaded={loaded}>
        {({ inbox, roles }) => {
          const issuers = issuingUnits(roles);
          return (
            <>
              {issuers.length > 0 && (
                <p>
                  <a class="button" href="/console/directives/new">{ct("dir.issue")}</a>
                </p>
              )}
              <h2>{ct("dir.inbox")}</h2>
              {inbox.length ? (
                <ul class="cards" data-testid="inbox">
                  {inbox.map((d) => (
                    <InboxItem key={d.directive.id + (d.unit?.id ?? "")} item={d} reload={loaded.reload} />
                  ))}
                </ul>
              ) : (
                <p class="muted">{ct("dir.noInbox")}</p>
              )}
              {issuers.map((u) => (
                <Issued key={u.id} unit={u} />
              ))}
            </>
          );
        }}
      </Show>
    </section>
  );
}

function InboxItem({ item, reload }: { item: Item; reload: () => void }) {
  const action = useAction();
  const [report, setReport] = useState("");
  const d = item.directive;
  const unitId = item.unit?.id;
  const step = (s: "RECEIVED" | "READ") =>
    unitId && action.run(() => request(AcknowledgeDirectiveMutation, { input: { directiveId: d.id, unitId, step: s } })).then((ok) => ok && reload());
  function submit(e: Event) {
    e.preventDefault();
    if (!unitId) return;
    const files = (new FormData(e.currentTarget as HTMLFormElement).getAll("files") as File[]).filter((file) => file.size > 0);
    void action
      .run(async () => {
        // Each file uploaded first; a refused one stops here, before anything is reported.
        const fileIds: string[] = [];
        for (const file of files) fileIds.push((await upload(file)).id);
        return request(ReportDirectiveMutation, { input: { directiveId: d.id, unitId, report, ...(fileIds.length ? { fileIds } : {}) } });
      })
      .then((ok) => ok && reload());
  }
  const reportId = `report-${d.id}-${unitId}`;
  return (
    <li class="card" data-testid="inbox-item">
      <h3 class="card-title">{d.title}</h3>
      <p class="muted">{ct("dir.from", { number: d.number, issuer: d.issuer?.name ?? "—" })}</p>
      <p>{ct("dir.forUnit", { unit: item.unit?.name ?? "—" })}</p>
      {d.summary && <p>{d.summary}</p>}
      <DirectiveDocuments documents={d.documents} />
      <p>
        <span class="tag" data-testid="inbox-status">{ct(("dir.status." + item.status) as ConsoleKey)}</span>
        {item.overdue && <span class="tag overdue">{ct("dir.overdue")}</span>}
        <span class="muted">
          {ct("dir.deadlines", { ack: formatDate(d.acknowledgeBy) })}
          {d.reportBy ? ", " + ct("dir.reportBy", { date: formatDate(d.reportBy) }) : ""}
        </span>
      </p>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {item.status === "IMPLEMENTED" ? (
        item.report && <p class="muted">{ct("dir.reported", { report: item.report })}</p>
      ) : (
        <>
          <div class="actions">
            {item.status === "PENDING" && (
              <button type="button" class="secondary" disabled={action.busy} onClick={() => step("RECEIVED")}>
                {ct("dir.markReceived")}
              </button>
            )}
            {(item.status === "PENDING" || item.status === "RECEIVED") && (
              <button type="button" disabled={action.busy} onClick={() => step("READ")}>
                {ct("dir.markRead")}
              </button>
            )}
          </div>
          {item.status === "READ" && (
            <form onSubmit={submit}>
              <label for={reportId}>{ct("dir.report")}</label>
              <textarea id={reportId} required maxLength={4000} rows={3} value={report} onInput={(e) => setReport((e.target as HTMLTextAreaElement).value)} />
              <label for={`${reportId}-files`}>{ct("dir.reportFiles")}</label>
              <input id={`${reportId}-files`} name="files" type="file" multiple accept="application/pdf,.pdf,image/png,image/jpeg,image/gif,image/webp" />
              <p>
                <button type="submit" disabled={action.busy}>{ct("dir.reportSubmit")}</button>
              </p>
            </form>
          )}
        </>
      )}
      {unitId && <Guidance directiveId={d.id} unitId={unitId} />}
    </li>
  );
}

function Issued({ unit }: { unit: { id: string; name: string } }) {
  const loaded = useLoad(() => request(IssuedDirectivesQuery, { unitId: unit.id }), [unit.id]);
  return (
    <>
      <h2>
        {ct("dir.issued")} · {unit.name}
      </h2>
      <Show loaded={loaded}>
        {({ issuedDirectives: list }) =>
          list.nodes.length ? (
            <ul class="list" data-testid="issued">
              {list.nodes.map((d) => (
                <li key={d.id}>
                  <a href={`/console/directives/${d.id}`}>{d.title}</a>
                  <br />
                  <span class="muted">{ct("dir.issuedLine", { number: d.number, date: formatDate(d.issuedOn), count: d.targetCount })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{ct("dir.noIssued")}</p>
          )
        }
      </Show>
    </>
  );
}
