import { t, type MessageKey } from "../../../app/i18n";
import type { LearningDomain, LearningTitleKind } from "../../../gql/console/graphql";
import { rt } from "./i18n";

/** A table row headed by a learning domain's name (the app's topic names), then its cells. */
export function DomainRow({ domain, cells }: { domain: LearningDomain | null | undefined; cells: string[] }) {
  return (
    <tr>
      <th scope="row">{domain ? t(("topic." + domain) as MessageKey) : rt("stats.total")}</th>
      {cells.map((c, i) => (
        <td key={i}>{c}</td>
      ))}
    </tr>
  );
}

/** A title's name from the app's catalogue, as the learner's record page names it. */
export function TitleKind({ kind }: { kind: LearningTitleKind }) {
  return <>{t(`record.title.${kind}`)}</>;
}
