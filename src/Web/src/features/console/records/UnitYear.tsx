import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { Show, useLoad } from "../../../app/ui";
import { loadMyRoles } from "../officials";
import { rt } from "./i18n";

export interface UnitYearChoice {
  unitId: string;
  unitName: string;
  year: number;
}

/**
 * The unit (one where I hold a role: it reaches its subtree) and the year a Records screen is about. `children`
 * gets the current choice; changing either drops what was shown for the old one (the caller keys on it).
 */
export function UnitYear({ children }: { children: (choice: UnitYearChoice) => ComponentChildren }) {
  const loaded = useLoad(() => loadMyRoles(), []);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <Show loaded={loaded}>
      {(roles) => {
        const units = [...new Map(roles.flatMap((r) => (r.unit ? [[r.unit.id, r.unit.name] as const] : []))).entries()];
        if (units.length === 0) return <p class="notice">{rt("records.notOfficial")}</p>;
        const chosen = units.find(([id]) => id === unitId) ?? units[0]!;
        return (
          <>
            <div class="row">
              <div>
                <label for="records-unit">{rt("records.unit")}</label>
                <select id="records-unit" value={chosen[0]} onChange={(e) => setUnitId((e.target as HTMLSelectElement).value)}>
                  {units.map(([id, name]) => (
                    <option key={id} value={id}>{name}</option>
                  ))}
                </select>
              </div>
              <div>
                <label for="records-year">{rt("records.year")}</label>
                <input id="records-year" type="number" min={2000} max={2100} value={year}
                  onChange={(e) => setYear(Number((e.target as HTMLInputElement).value) || year)} />
              </div>
            </div>
            {children({ unitId: chosen[0], unitName: chosen[1], year })}
          </>
        );
      }}
    </Show>
  );
}
