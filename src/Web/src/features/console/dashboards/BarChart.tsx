import type { ComponentChildren } from "preact";
import { ErrorMessage, Loading, type Loaded } from "../../../app/ui";
import { Bars, type Bar } from "./Bars";

export interface ChartRow {
  key: string;
  head: string;
  cells: string[];
}

export interface Drawn {
  bars: Bar[];
  rows: ChartRow[];
  /** Replaces the caption once the data gives it (e.g. a count only the answer knows). */
  caption?: string;
  note?: ComponentChildren;
}

interface Props<T> {
  id: string;
  title: string;
  caption: string;
  columns: string[];
  loaded: Loaded<T>;
  /** How many bars and table rows to hold room for while loading: the section keeps the height it will have. */
  expect: { bars: number; rows: number };
  hiddenText: string;
  hint?: string;
  draw: (data: T) => Drawn;
}

/**
 * A dashboard's section: its title, a bar chart and the same figures in a table (the chart is hidden from screen
 * readers, the table carries them). While the data loads it lays out the chart and table it expects, unseen, at their
 * size, with the loading line over them, so nothing moves when the figures arrive (`aria-busy` until then): neither
 * the sections under it nor, sideways, its own columns (a shift Chromium counts too).
 */
export function BarChart<T>({ id, title, caption, columns, loaded, expect, hiddenText, hint, draw }: Props<T>) {
  const drawn = loaded.data === undefined ? undefined : draw(loaded.data);
  const waiting = drawn === undefined && loaded.error === undefined;
  const shown: Drawn = drawn ?? {
    bars: Array.from({ length: expect.bars }, (_, i) => ({ label: "\u00a0".repeat(i + 1), value: null })),
    rows: Array.from({ length: expect.rows }, (_, i) => ({ key: String(i), head: "…", cells: columns.slice(1).map(() => "…") })),
  };
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={waiting} data-testid={id} class="chart-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {waiting && <Loading />}
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {(drawn ?? waiting) && (
        <>
          {shown.note}
          <Bars bars={shown.bars} hiddenText={drawn ? hiddenText : ""} />
          <div class="scroll" tabIndex={0} role="region" aria-label={shown.caption ?? caption}>
            <table>
              <caption>{shown.caption ?? caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.head}</th>
                    {r.cells.map((c, i) => (
                      <td key={i}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hint && <p class="hint">{hint}</p>}
        </>
      )}
    </section>
  );
}
