import { graphql } from "../../gql/console";

// My current roles: loaded on demand by officials.ts (the shell's tab), so that the typed documents stay out of the
// first screen's bundle.
export const MyRolesQuery = graphql(`
  query MyRoles {
    me { personId roles { id role from to unit { id name code kind } } }
  }
`);
