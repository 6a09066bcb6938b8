import { useState } from "preact/hooks";
import { formatNumber } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { ErrorMessage, useAction, useTitle } from "../../../app/ui";
import type { ConsoleTitleProposalsQuery, RecordPurpose } from "../../../gql/console/graphql";
import { request } from "../api";
import { ConfirmTitleMutation, RejectTitleMutation, TitleProposalsQuery } from "./documents";
import { Decide } from "./Decide";
import { rt } from "./i18n";
import { TitleKind } from "./parts";
import { PurposeForm } from "./PurposeForm";
import { UnitYear, type UnitYearChoice } from "./UnitYear";

type Proposal = ConsoleTitleProposalsQuery["titleProposals"]["nodes"][number];

/**
 * Learning Citizen / Family / Clan / Community / Unit proposals for my subtree in a year (#21): the purpose is asked
 * before the list is read (ADR 0102: each person whose figures show gets a line in their access log), 20 a page as
 * the API pages them; each proposal confirmed, or rejected with a reason.
 */
export default function TitlesPage(_: RouteProps) {
  useTitle(rt("proposals.title"));
  return (
    <section class="console">
      <h1>{rt("proposals.title")}</h1>
      <p>{rt("proposals.intro")}</p>
      <UnitYear>{(choice) => <Proposals key={`${choice.unitId}/${choice.year}`} choice={choice} />}</UnitYear>
    </section>
  );
}

function Proposals({ choice }: { choice: UnitYearChoice }) {
  const [items, setItems] = useState<Proposal[] | null>(null);
  const [purpose, setPurpose] = useState<RecordPurpose | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const load = useAction();

  async function open(chosen: RecordPurpose, more = false) {
    await load.run(async () => {
      const page = (await request(TitleProposalsQuery, { unitId: choice.unitId, year: choice.year, purpose: chosen, after: more ? after : null })).titleProposals;
      setPurpose(chosen);
      setItems((shown) => [...(more && shown ? shown : []), ...page.nodes]);
      setAfter(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
    });
  }
  const decided = (p: Proposal) => setItems((shown) => (shown ?? []).map((i) => (i.id === p.id ? { ...i, ...p } : i)));

  return (
    <>
      {items === null ? (
        <PurposeForm id="proposals" busy={load.busy} submit={(p) => void open(p)} label={rt("proposals.open")} />
      ) : items.length === 0 ? (
        <p class="muted" data-testid="proposals-empty">{rt("proposals.empty")}</p>
      ) : (
        <ul class="cards" data-testid="proposals">
          {items.map((p) => (
            <Item key={p.id} proposal={p} choice={choice} decided={decided} />
          ))}
        </ul>
      )}
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      {items !== null && after && purpose && (
        <p>
          <button type="button" class="secondary" disabled={load.busy} onClick={() => void open(purpose, true)}>
            {rt("proposals.more")}
          </button>
        </p>
      )}
    </>
  );
}

function Item({ proposal: p, choice, decided }: { proposal: Proposal; choice: UnitYearChoice; decided: (p: Proposal) => void }) {
  const action = useAction();
  const target = { unitId: choice.unitId, year: choice.year, proposalId: p.id };
  const confirm = () => void action.run(async () => decided({ ...p, ...(await request(ConfirmTitleMutation, { input: target })).confirmTitle }));
  return (
    <li class="card" data-testid="proposal">
      <h2 class="card-title">
        <TitleKind kind={p.kind} /> · {p.subjectName ?? rt("proposals.household")}
      </h2>
      <p>{p.reason}</p>
      <p class="muted">
        {p.kind === "LEARNING_CITIZEN" && p.hours != null
          ? rt("proposals.figures", { hours: formatNumber(p.hours), domains: p.domains ?? 0 })
          : rt("proposals.counts", { qualified: p.qualifiedCount, members: p.memberCount })}
      </p>
      <p>
        <span class="tag" data-testid="proposal-status">{rt(`proposals.status.${p.status}`)}</span>
        {p.decisionReason && rt("proposals.decision", { reason: p.decisionReason })}
      </p>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {p.status === "PROPOSED" && (
        <Decide
          id={p.id}
          busy={action.busy}
          texts={{ accept: rt("proposals.confirm"), reject: rt("proposals.reject"), reason: rt("proposals.reason"), rejectSubmit: rt("proposals.rejectSubmit"), cancel: rt("proposals.cancel") }}
          accept={confirm}
          reject={(reason) => action.run(async () => decided({ ...p, ...(await request(RejectTitleMutation, { input: { ...target, reason } })).rejectTitle }))}
        />
      )}
    </li>
  );
}
