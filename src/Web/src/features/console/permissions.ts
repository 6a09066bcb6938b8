// What an official may do where, as the server decides it (OrganizationQueries.RolesGranting): the console shows
// an action only where the server would accept it. The server still checks every call.

export type OfficialRole = "CHAIR" | "VICE_CHAIR" | "STANDING_MEMBER" | "SECRETARY" | "STAFF";

export type Permission =
  | "VIEW_MEMBERS" | "MANAGE_MEMBERS" | "RUN_CLASSES" | "HANDLE_DIRECTIVES" | "PUBLISH_CONTENT" | "REVIEW_RECORDS"
  | "MANAGE_UNITS" | "MANAGE_ROLES" | "ISSUE_DIRECTIVES";

const everyRole: readonly OfficialRole[] = ["CHAIR", "VICE_CHAIR", "STANDING_MEMBER", "SECRETARY", "STAFF"];
const leadership: readonly OfficialRole[] = ["CHAIR", "VICE_CHAIR", "STANDING_MEMBER", "SECRETARY"];

export function rolesGranting(permission: Permission): readonly OfficialRole[] {
  switch (permission) {
    case "VIEW_MEMBERS":
    case "MANAGE_MEMBERS":
    case "RUN_CLASSES":
    case "HANDLE_DIRECTIVES":
    case "PUBLISH_CONTENT":
    case "REVIEW_RECORDS":
      return everyRole;
    default:
      return leadership;
  }
}

export interface HeldRole {
  role: OfficialRole;
  unitId: string;
}

/**
 * True when one of `roles` grants `permission` at the unit whose path from the top is `path` (its ancestors' ids,
 * then its own): a role at a unit reaches its whole subtree.
 */
export function may(roles: readonly HeldRole[], permission: Permission, path: readonly string[]): boolean {
  const granting = rolesGranting(permission);
  const onPath = new Set(path);
  return roles.some((r) => granting.includes(r.role) && onPath.has(r.unitId));
}

type RoleAtUnit = { role: OfficialRole; unit?: { id: string; name: string } | null };

/** The units where one of my roles grants `permission`, each once (the server checks again). */
export function unitsGranting(roles: readonly RoleAtUnit[], permission: Permission): { id: string; name: string }[] {
  const granting = rolesGranting(permission);
  const units = new Map<string, string>();
  for (const r of roles) if (r.unit && granting.includes(r.role)) units.set(r.unit.id, r.unit.name);
  return [...units].map(([id, name]) => ({ id, name }));
}

/** The units where my roles let me issue directives, each once (the server checks again). */
export function issuingUnits(roles: readonly RoleAtUnit[]): { id: string; name: string }[] {
  return unitsGranting(roles, "ISSUE_DIRECTIVES");
}
