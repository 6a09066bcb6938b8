import type { ResourceQuery } from "../../gql/graphql";

type Kept = NonNullable<ResourceQuery["resource"]>;
const KEY = "vape.library.recent";
const MAX = 10;

/** The last resources opened, kept on the phone so that their pages stay readable offline. */
export function recentResources(): Kept[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as Kept[];
  } catch {
    return [];
  }
}

export function keepResource(r: Kept): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([r, ...recentResources().filter((x) => x.id !== r.id)].slice(0, MAX)));
  } catch {
    /* storage full or refused: nothing kept */
  }
}
