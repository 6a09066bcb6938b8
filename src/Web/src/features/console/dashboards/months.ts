// The dates of the dashboards' "over time" charts (unit-tested in tests/console.test.ts).

/** The last day of each of the six months up to `asOf` (that day itself for the last), oldest first. */
export function monthEnds(asOf: string, count = 6): string[] {
  const [y, m] = asOf.split("-").map(Number) as [number, number];
  const ends: string[] = [];
  for (let i = count - 1; i >= 1; i--) {
    const end = new Date(Date.UTC(y, m - i, 0));
    ends.push(end.toISOString().slice(0, 10));
  }
  ends.push(asOf);
  return ends;
}

/** A month as the charts label it: `2026-12-31` → `12/2026`. */
export const monthLabel = (d: string) => d.slice(5, 7) + "/" + d.slice(0, 4);
