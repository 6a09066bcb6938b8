import { formatNumber } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { Show, useLoad, useTitle } from "../../../app/ui";
import type { ConsoleRecordStatisticsQuery } from "../../../gql/console/graphql";
import { request } from "../api";
import { RecordStatisticsQuery } from "./documents";
import { rt } from "./i18n";
import { DomainRow } from "./parts";
import { UnitYear, type UnitYearChoice } from "./UnitYear";

type Statistics = ConsoleRecordStatisticsQuery["recordStatistics"];
type Cell = Statistics["total"];

/** The learning statistics of my subtree in a year (no personal data): cells of fewer than 5 people as the API hides them. */
export default function StatisticsPage(_: RouteProps) {
  useTitle(rt("stats.title"));
  return (
    <section class="console">
      <h1>{rt("stats.title")}</h1>
      <p>{rt("stats.intro")}</p>
      <UnitYear>{(choice) => <Statistics key={`${choice.unitId}/${choice.year}`} choice={choice} />}</UnitYear>
    </section>
  );
}

function Statistics({ choice }: { choice: UnitYearChoice }) {
  const loaded = useLoad(() => request(RecordStatisticsQuery, { unitId: choice.unitId, year: choice.year }).then((r) => r.recordStatistics), [choice.unitId, choice.year]);
  const cells = (c: Cell) =>
    c.hidden ? [rt("stats.hidden"), rt("stats.hiddenValue"), rt("stats.hiddenValue")] : [c.people ?? 0, c.activities ?? 0, c.hours ?? 0].map((n) => formatNumber(n));
  return (
    <Show loaded={loaded}>
      {(stats) => (
        <>
          <div class="scroll">
            <table data-testid="statistics">
              <caption>{rt("stats.caption", { year: stats.year, unit: choice.unitName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt("records.domain")}</th>
                  <th scope="col">{rt("records.people")}</th>
                  <th scope="col">{rt("records.activities")}</th>
                  <th scope="col">{rt("records.hours")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.domains.map((d) => (
                  <DomainRow key={d.domain} domain={d.domain} cells={cells(d)} />
                ))}
                <DomainRow domain={null} cells={cells(stats.total)} />
              </tbody>
            </table>
          </div>
          <p class="hint">{rt("stats.hiddenHint")}</p>
        </>
      )}
    </Show>
  );
}
