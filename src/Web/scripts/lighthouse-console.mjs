// Lighthouse's mobile profile on the officials' console (issue #21's budget: performance ≥ 90, accessibility 100 for
// the tree, a directive's roll-up, a channel and a dashboard), signed in as `province` (Hà Nội's chair) through the
// sign-in page. The tree is Hà Nội's unit page; the roll-up is of the newest directive Hà Nội issued (one is issued
// first when there is none); the channel is the first of the official's channels. Same set-up as lighthouse.mjs:
//
//   LIGHTHOUSE_DIR=/tmp/lh node src/Web/scripts/lighthouse-console.mjs http://127.0.0.1:5193 [report-folder]
//
// Figures taken while the machine is loaded are not results (docs/web.md, Lighthouse).
import { graphql, measure } from "./lighthouse-flow.mjs";

const data = (answer) => {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
};

await measure({
  flowName: "Vape, an official on a phone",
  login: "province",
  file: "lighthouse-console",
  pagesOf: async (page) => {
    const me = data(await graphql(page, "{ me { roles { unit { id code } } } }")).me;
    const unit = me.roles.find((r) => r.unit.code === "T01")?.unit ?? me.roles[0].unit;
    let directive = data(await graphql(page, "query($u: ID!) { issuedDirectives(unitId: $u, first: 1) { nodes { id } } }", { u: unit.id }))
      .issuedDirectives.nodes[0];
    if (!directive) {
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const week = new Date(Date.now() + 7 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10);
      directive = data(await graphql(page, "mutation($i: IssueDirectiveInput!) { issueDirective(input: $i) { id } }", {
        i: { issuerUnitId: unit.id, number: `LH-${Date.now()}`, title: "Về việc đo Lighthouse", summary: "", issuedOn: today,
          acknowledgeBy: week, targetKind: "SUBTREE" },
      })).issueDirective;
    }
    const channel = data(await graphql(page, "{ channels(first: 1) { nodes { id } } }")).channels.nodes[0];
    if (!channel) console.log("no channel for this official: the channel is not measured");
    return [
      ["tree", `/console/units/${unit.id}`],
      ["directive roll-up", `/console/directives/${directive.id}`],
      ...(channel ? [["channel", `/console/channels/${channel.id}`]] : []),
      ["dashboards", "/console/dashboards"],
    ];
  },
});
