import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { Show, useLoad } from "../../../app/ui";
import { ct } from "../i18n";
import { loadMyRoles } from "../officials";
import { unitsGranting } from "../permissions";
import { cnt } from "./i18n";

/**
 * The units whose content I may manage (PUBLISH_CONTENT, as the server's RolesGranting; a role reaches its subtree),
 * with a choice when there are several; someone holding no such role sees the console's refusal and nothing else.
 */
export function MyUnits({ children }: { children: (unit: { id: string; name: string }) => ComponentChildren }) {
  const roles = useLoad(() => loadMyRoles(), []);
  return <Show loaded={roles}>{(r) => <Choose units={unitsGranting(r, "PUBLISH_CONTENT")}>{children}</Choose>}</Show>;
}

function Choose({ units, children }: { units: { id: string; name: string }[]; children: (unit: { id: string; name: string }) => ComponentChildren }) {
  const [chosen, setChosen] = useState(units[0]?.id ?? "");
  const unit = units.find((u) => u.id === chosen) ?? units[0];
  if (!unit) return <p class="notice" data-testid="not-official">{ct("console.notOfficial")}</p>;
  return (
    <>
      {units.length > 1 && (
        <p>
          <label for="content-unit">{cnt("news.unit")}</label>
          <select id="content-unit" value={unit.id} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </p>
      )}
      {children(unit)}
    </>
  );
}
