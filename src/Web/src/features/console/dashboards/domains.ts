// The learning domains the hours chart always lists (a domain nobody learned in is a 0, not a missing bar), so the
// chart's height is known before the figures arrive.
export const DOMAINS = [
  "GENERAL_KNOWLEDGE", "SCIENCE", "LEGAL_AWARENESS", "ESSENTIAL_SKILLS", "DIGITAL_SKILLS", "HEALTH", "CULTURE_AND_ARTS", "FOREIGN_LANGUAGES", "OTHER",
] as const;

interface Cell {
  domain?: string | null;
  hours?: unknown;
  people?: number | null;
  hidden: boolean;
}

/** The server's cells in the order above, a zero cell for each domain it did not list, then any it listed that are not above. */
export function everyDomain<C extends Cell>(cells: C[]): (C & { domain: string })[] {
  const by = new Map(cells.map((c) => [c.domain ?? "", c]));
  const zero = (domain: string) => ({ domain, hours: 0, people: 0, hidden: false }) as unknown as C & { domain: string };
  const listed = DOMAINS.map((d) => (by.get(d) as (C & { domain: string }) | undefined) ?? zero(d));
  const others = cells.filter((c): c is C & { domain: string } => !!c.domain && !(DOMAINS as readonly string[]).includes(c.domain));
  return [...listed, ...others];
}
