import { useEffect, useState } from "preact/hooks";
import { formatDate, formatNumber } from "../../app/i18n";
import { MorePages, useMorePages } from "../../app/paging";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { AppError } from "../../api/errors";
import type { FundsUnitSearchQuery } from "../../gql/graphql";
import { FundsAwardsPage, FundsOfUnit, FundsUnitSearch } from "./documents";
import { type LedgerCheck, parseExport, verifyLedger, type LedgerExport } from "./ledger";
import { ft } from "./messages";

type Found = FundsUnitSearchQuery["searchUnits"]["nodes"];
const AWARDS = 20;
const money = (n: number) => `${formatNumber(n)} đ`;

/** Books anyone can check (docs/funds.md): `/funds` finds a unit, `/funds/:unitId` shows its funds and checks its ledger. */
export default function FundsPage({ params, query }: RouteProps) {
  useTitle(ft("title"));
  return (
    <section>
      <h1>{ft("title")}</h1>
      {params.unitId ? <UnitFunds unitId={params.unitId} /> : <UnitSearch initial={query.get("q") ?? ""} />}
    </section>
  );
}

function UnitSearch({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [found, setFound] = useState<Found | null>(null);
  const search = useAction();
  const find = (value: string) =>
    search.run(async () => {
      if (value.trim().length === 0) return;
      setFound((await request(FundsUnitSearch, { text: value.trim(), first: 20 })).searchUnits.nodes);
    });
  useEffect(() => {
    if (initial) void find(initial);
  }, [initial]);
  return (
    <>
      <p class="muted">{ft("intro")}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void find(text);
        }}
      >
        <label for="funds-unit">{ft("search")}</label>
        <input id="funds-unit" type="search" value={text} placeholder={ft("searchHint")} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={search.busy || text.trim().length === 0}>
          {ft("find")}
        </button>
      </form>
      {search.error !== undefined && <ErrorMessage error={search.error} />}
      {found &&
        (found.length === 0 ? (
          <p class="muted" role="status">
            {ft("none")}
          </p>
        ) : (
          <ul class="cards" data-testid="funds-units">
            {found.map((u) => (
              <li key={u.id} class="card">
                <a href={`/funds/${u.id}`}>{u.name}</a>
                <span class="muted">
                  {" "}
                  · {u.code}
                  {u.parent ? ` · ${u.parent.name}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function Figures({ totals }: { totals: { received: number; receivedInKind: number; awarded: number; disbursed: number; held: number } }) {
  return (
    <>
      <td>{money(totals.received)}</td>
      <td>{money(totals.receivedInKind)}</td>
      <td>{money(totals.awarded)}</td>
      <td>{money(totals.disbursed)}</td>
      <td>{money(totals.held)}</td>
    </>
  );
}

function UnitFunds({ unitId }: { unitId: string }) {
  const loaded = useLoad(() => request(FundsOfUnit, { unitId }), [unitId]);
  return (
    <>
      <p>
        <a href="/funds">{ft("another")}</a>
      </p>
      <Show loaded={loaded}>
        {(data) => {
          const unit = data.unit;
          if (!unit) return <ErrorMessage error={new AppError("NOT_FOUND")} />;
          const head = (
            <tr>
              <th scope="col">{ft("year")}</th>
              <th scope="col">{ft("received")}</th>
              <th scope="col">{ft("receivedInKind")}</th>
              <th scope="col">{ft("awarded")}</th>
              <th scope="col">{ft("disbursed")}</th>
              <th scope="col">{ft("held")}</th>
            </tr>
          );
          return (
            <>
              <h2>{unit.name}</h2>
              {unit.status === "MERGED" && unit.successor && (
                <p class="muted">
                  {ft("merged", { name: unit.successor.name })} <a href={`/funds/${unit.successor.id}`}>{unit.successor.name}</a>
                </p>
              )}
              {unit.status === "DISSOLVED" && <p class="muted">{ft("dissolved")}</p>}
              <div class="scroll" tabIndex={0} role="region" aria-label={ft("byYear")}>
                <table data-testid="funds-totals">
                  <caption>{ft("totals")}</caption>
                  <thead>{head}</thead>
                  <tbody>
                    {data.fundsTotals.byYear.map((y) => (
                      <tr key={y.year} data-year={y.year}>
                        <th scope="row">{y.year}</th>
                        <Figures totals={y.totals} />
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr data-year="all">
                      <th scope="row">{ft("totals")}</th>
                      <Figures totals={data.fundsTotals.totals} />
                    </tr>
                  </tfoot>
                </table>
              </div>
              <h2>{ft("funds")}</h2>
              {data.funds.nodes.length === 0 ? (
                <p class="muted">{ft("noFunds")}</p>
              ) : (
                <ul data-testid="funds-list">
                  {data.funds.nodes.map((f) => (
                    <li key={f.id}>
                      <strong>{f.name}</strong>: {f.purpose}
                    </li>
                  ))}
                </ul>
              )}
              <Awards unitId={unitId} />
              <Ledger unitId={unitId} entries={data.unitLedger?.headSeq ?? 0} />
            </>
          );
        }}
      </Show>
    </>
  );
}

function Awards({ unitId }: { unitId: string }) {
  const loaded = useLoad(() => request(FundsAwardsPage, { unitId, first: AWARDS }), [unitId]);
  const pages = useMorePages(
    loaded.data?.fundsAwards,
    async (after) => (await request(FundsAwardsPage, { unitId, first: AWARDS, after })).fundsAwards,
    [unitId],
  );
  return (
    <>
      <h2>{ft("awards")}</h2>
      <Show loaded={loaded}>
        {(data) => {
          const awards = pages.items(data.fundsAwards);
          return (
            <>
              {awards.length === 0 ? (
                <p class="muted">{ft("noAwards")}</p>
              ) : (
                <ul data-testid="funds-awards">
                  {awards.map((a) => (
                    <li key={a.id}>
                      {a.recipientName ?? ft("anonymous")} · {a.programme} · {money(a.amount)} · {formatDate(a.decidedOn)} · {a.disbursed ? ft("paid") : ft("notPaid")}
                    </li>
                  ))}
                </ul>
              )}
              <MorePages pages={pages} hasMore={pages.hasMore(data.fundsAwards)} label={ft("more")} />
            </>
          );
        }}
      </Show>
    </>
  );
}

async function keyOf(unitId: string): Promise<string | null> {
  const response = await fetch(`/funds/units/${encodeURIComponent(unitId)}/ledger-key.pem`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(String(response.status));
  return response.text();
}

function Ledger({ unitId, entries }: { unitId: string; entries: number }) {
  const base = `/funds/units/${unitId}`;
  const [result, setResult] = useState<LedgerCheck | "notLedger" | "failed" | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setResult(null), [unitId]);

  // The file's own unit's published key: a file cannot bring its own (as the server's check and the command).
  const check = async (load: () => Promise<LedgerExport | null>) => {
    setBusy(true);
    setResult(null);
    try {
      const ledger = await load();
      if (!ledger) {
        setResult("notLedger");
        return;
      }
      const key = await keyOf(ledger.unitId);
      setResult(key === null ? { valid: false, entries: ledger.entries.length, problem: "key", line: 0 } : await verifyLedger(ledger, key));
    } catch {
      setResult("failed");
    } finally {
      setBusy(false);
    }
  };
  const fromServer = () =>
    check(async () => {
      const response = await fetch(`${base}/ledger.json`);
      if (!response.ok) throw new Error(String(response.status));
      return parseExport(await response.text());
    });
  const fromFile = (file: File | undefined) => file && check(async () => parseExport(await file.text()));

  return (
    <>
      <h2>{ft("ledger")}</h2>
      <p class="muted">{ft("ledgerIntro", { n: entries })}</p>
      <ul>
        <li>
          <a href={`${base}/ledger.json`} download={`so-quy-${unitId}.json`}>
            {ft("downloadJson")}
          </a>
        </li>
        <li>
          <a href={`${base}/ledger.csv`} download={`so-quy-${unitId}.csv`}>
            {ft("downloadCsv")}
          </a>
        </li>
        <li>
          <a href={`${base}/ledger-key.pem`} download={`khoa-${unitId}.pem`}>
            {ft("downloadKey")}
          </a>
        </li>
      </ul>
      <p>
        <button type="button" onClick={() => void fromServer()} disabled={busy}>
          {busy ? ft("checking") : ft("check")}
        </button>
      </p>
      <label for="ledger-file">{ft("file")}</label>
      <input id="ledger-file" type="file" accept=".json,application/json" onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = "";
          void fromFile(file);
        }} />
      {result && (
        <div data-testid="ledger-check" role="status" class={result !== "notLedger" && result !== "failed" && result.valid ? "notice" : "error"}>
          {result === "notLedger" ? (
            <p>{ft("notLedger")}</p>
          ) : result === "failed" ? (
            <p>{ft("failed")}</p>
          ) : result.valid ? (
            <p>{ft("valid", { n: result.entries })}</p>
          ) : (
            <>
              {result.line ? <p>{ft("brokenAt", { line: result.line })}</p> : null}
              <p>{ft(`why.${result.problem!}`)}</p>
            </>
          )}
        </div>
      )}
    </>
  );
}
