import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate, formatNumber, t, type MessageKey } from "../../../app/i18n";
import { ErrorMessage, useAction } from "../../../app/ui";
import type { ConsolePersonRecordQuery } from "../../../gql/console/graphql";
import { request } from "../api";
import { rt } from "./i18n";
import { PurposeForm } from "./PurposeForm";
import { DomainRow, TitleKind } from "./parts";
import { PersonRecordQuery } from "./documents";

type LearningRecord = ConsolePersonRecordQuery["record"];

/**
 * "Xem hồ sơ học tập" from a member: a modal dialog asks the purpose first; only then is the record read with it
 * (the look is in the member's access log before the read, ADR 0022). What shows follows the member's consent.
 */
export default function RecordDialog({ personId, name, onClose }: { personId: string; name: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [record, setRecord] = useState<LearningRecord | null>(null);
  const load = useAction();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const read = (purpose: Parameters<Parameters<typeof PurposeForm>[0]["submit"]>[0]) =>
    void load.run(async () => setRecord((await request(PersonRecordQuery, { personId, purpose })).record));
  const heading = `record-dialog-${personId}`;

  return (
    <dialog ref={dialog} aria-labelledby={heading} onClose={onClose} class="record-dialog" data-testid="record-dialog">
      <h2 id={heading}>{rt("records.of", { name })}</h2>
      {record === null ? (
        <PurposeForm id={heading} busy={load.busy} submit={read} label={rt("records.read")} />
      ) : (
        <RecordView record={record} />
      )}
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      <p>
        <button type="button" class="secondary" onClick={() => dialog.current?.close()}>{rt("records.close")}</button>
      </p>
    </dialog>
  );
}

function RecordView({ record: r }: { record: LearningRecord }) {
  if (r.erasedAt) return <p class="notice">{rt("records.erased")}</p>;
  return (
    <div data-testid="person-record">
      {r.years.length === 0 && <p class="muted">{rt("records.noYears")}</p>}
      {r.years.map((y) => (
        <div class="scroll" key={y.year}>
          <table>
            <caption>{rt("records.hoursOf", { year: y.year, hours: formatNumber(y.hours), activities: y.activities })}</caption>
            <thead>
              <tr>
                <th scope="col">{rt("records.domain")}</th>
                <th scope="col">{rt("records.hours")}</th>
                <th scope="col">{rt("records.activities")}</th>
              </tr>
            </thead>
            <tbody>
              {y.domains.map((d) => (
                <DomainRow key={d.domain} domain={d.domain} cells={[formatNumber(d.hours), formatNumber(d.activities)]} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>{rt("records.titles")}</h3>
      {r.titles.length ? (
        <ul class="list" data-testid="person-titles">
          {r.titles.map((x) => (
            <li key={x.id}>
              <TitleKind kind={x.kind} /> · {x.year}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{rt("records.noTitles")}</p>
      )}
      <h3>{rt("records.activityList")}</h3>
      {r.detailsShown ? (
        <ul class="list" data-testid="person-activities">
          {r.activities.nodes.map((a) => (
            <li key={a.id}>
              <b>{a.title}</b>
              <br />
              <span class="muted">
                {a.domain ? t(("topic." + a.domain) as MessageKey) + " · " : ""}
                {rt("records.entry", { date: formatDate(a.date), hours: formatNumber(a.hours), status: rt(`records.status.${a.status}`) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" data-testid="totals-only">{rt("records.totalsOnly")}</p>
      )}
    </div>
  );
}
