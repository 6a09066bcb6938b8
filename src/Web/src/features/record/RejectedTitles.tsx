import { formatDate, t, type MessageKey } from "../../app/i18n";
import type { LearningTitleKind } from "../../gql/graphql";

type Rejected = { proposalId: string; kind: LearningTitleKind; year: number; reason: string; decidedAt: string };

/** Title proposals that named me (mine, my household's, group's or unit's) and that an official did not confirm, with why (ADR 0309). */
export function RejectedTitles({ items }: { items: Rejected[] }) {
  if (!items.length) return null;
  return (
    <>
      <h3>{t("record.rejectedTitles")}</h3>
      <ul class="list" data-testid="rejected-titles">
        {items.map((x) => (
          <li key={x.proposalId}>
            <b>
              {t(("record.title." + x.kind) as MessageKey)} · {x.year}
            </b>
            <br />
            <span class="muted">{t("record.titleRejected", { date: formatDate(x.decidedAt) })}</span>
            <br />
            {t("record.rejectionReason", { reason: x.reason })}
          </li>
        ))}
      </ul>
    </>
  );
}
