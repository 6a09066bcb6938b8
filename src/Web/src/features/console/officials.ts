import { useEffect } from "preact/hooks";
import { session } from "../../app/session";
import { Store, useStore } from "../../app/store";
import { request } from "./api";
import type { MyRolesQuery as MyRolesResult } from "../../gql/console/graphql";

export type MyRole = MyRolesResult["me"]["roles"][number];

/**
 * The signed-in person's current roles, asked of the server once per sign-in (roles are not in the token: one that
 * ends must stop at once). The shell shows the console's tab only when there is one; the server checks every call.
 */
export const myRoles = new Store<{ personId: string; roles: MyRole[] } | null>(null);
let asked: string | null = null;

export function loadMyRoles(force = false): Promise<MyRole[]> {
  const who = session.value;
  if (!who?.personId) return Promise.resolve([]);
  if (!force && myRoles.value?.personId === who.personId) return Promise.resolve(myRoles.value.roles);
  asked = who.personId;
  return import("./rolesQuery").then(({ MyRolesQuery }) => request(MyRolesQuery)).then((r) => {
    if (asked === r.me.personId) myRoles.set({ personId: r.me.personId, roles: r.me.roles });
    return r.me.roles;
  });
}

/** True when the signed-in person holds a role now (false while unknown or signed out). */
export function useIsOfficial(): boolean {
  const who = useStore(session);
  const mine = useStore(myRoles);
  useEffect(() => {
    // An account not linked to a member yet (personId "") has no roles to ask for: asking would be refused (403).
    if (who?.personId) loadMyRoles().catch(() => undefined);
    else myRoles.set(null);
  }, [who?.personId]);
  return !!who && mine?.personId === who.personId && mine.roles.length > 0;
}
