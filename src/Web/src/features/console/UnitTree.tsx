import { Component } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorMessage, Loading, useAction } from "../../app/ui";
import { request } from "./api";
import { ChildUnitsAsOfQuery, ChildUnitsQuery } from "./documents";
import { ct, type ConsoleKey } from "./i18n";

interface Node {
  id: string;
  code: string;
  name: string;
  kind: string;
  status?: string;
}

/** A unit's children, loaded when opened, each foldable in turn; as of a date, the children as they were then. */
export function UnitTree({ parentId, asOf }: { parentId: string; asOf: string | null }) {
  return (
    <div data-testid="unit-tree" aria-label={ct("tree.label")} role="group">
      <Children parentId={parentId} asOf={asOf} />
    </div>
  );
}

/**
 * Rows drawn per frame, of a first page as of an appended one: 60 new rows at once were one long task of layout and
 * paint at national scale, and so was a unit's first page of 50 children when opened (docs/web.md). Twenty rows fill a
 * phone's screen, so a first page still shows at once where it is seen.
 */
const SLICE = 20;

function Children({ parentId, asOf }: { parentId: string; asOf: string | null }) {
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  // How many of `nodes` are drawn: SLICE rows at first, then SLICE more a frame.
  const [shown, setShown] = useState(0);
  const action = useAction();

  async function load(after: string | null) {
    if (asOf) {
      const r = await request(ChildUnitsAsOfQuery, { parentId, date: asOf, after });
      const page = r.unit?.childrenAsOf;
      const periods = (page?.nodes ?? []).map((p) => ({ id: p.unit.id, code: p.unit.code, name: p.name, kind: p.kind, status: p.status }));
      setNodes((old) => [...(after ? (old ?? []) : []), ...periods]);
      if (!after) setShown(Math.min(SLICE, periods.length));
      setNext(page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
    } else {
      const r = await request(ChildUnitsQuery, { parentId, after });
      setNodes((old) => [...(after ? (old ?? []) : []), ...r.units.nodes]);
      if (!after) setShown(Math.min(SLICE, r.units.nodes.length));
      setNext(r.units.pageInfo.hasNextPage ? (r.units.pageInfo.endCursor ?? null) : null);
    }
  }
  useEffect(() => {
    setNodes(null);
    void action.run(() => load(null));
  }, [parentId, asOf]);
  useEffect(() => {
    if (nodes === null || shown >= nodes.length) return;
    const frame = requestAnimationFrame(() => setShown((s) => Math.min(s + SLICE, nodes.length)));
    return () => cancelAnimationFrame(frame);
  }, [nodes, shown]);

  if (action.error !== undefined && nodes === null) return <ErrorMessage error={action.error} retry={() => action.run(() => load(null))} />;
  if (nodes === null) return <Loading />;
  if (nodes.length === 0) return <p class="muted">{ct("tree.none")}</p>;
  return (
    <>
      <ul class="tree">
        {(shown < nodes.length ? nodes.slice(0, shown) : nodes).map((n) => (
          <Row key={n.id} node={n} asOf={asOf} />
        ))}
      </ul>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {next && (
        <button type="button" class="secondary" disabled={action.busy} onClick={() => action.run(() => load(next))}>
          {ct("tree.more")}
        </button>
      )}
    </>
  );
}

/**
 * A row drawn again only when its own unit or date changes: a page of 50 more units, or the "more" button's busy flag,
 * re-renders the list, and at national scale (hundreds of rows open) re-drawing every row was a long task.
 */
class Row extends Component<{ node: Node; asOf: string | null }> {
  override shouldComponentUpdate(next: { node: Node; asOf: string | null }) {
    return next.node !== this.props.node || next.asOf !== this.props.asOf;
  }
  override render() {
    return <TreeItem node={this.props.node} asOf={this.props.asOf} />;
  }
}

function TreeItem({ node, asOf }: { node: Node; asOf: string | null }) {
  const [open, setOpen] = useState(false);
  const href = `/console/units/${node.id}` + (asOf ? `?asOf=${asOf}` : "");
  return (
    <li>
      <div class="tree-row">
        <button
          type="button"
          class="fold"
          aria-expanded={open}
          aria-label={ct(open ? "tree.collapse" : "tree.expand", { name: node.name })}
          onClick={() => setOpen(!open)}
        >
          {open ? "−" : "+"}
        </button>
        <a href={href}>{node.name}</a>
        <span class="tag">{ct(("kind." + node.kind) as ConsoleKey)}</span>
        {node.status && node.status !== "ACTIVE" && <span class="tag">{ct(("status." + node.status) as ConsoleKey)}</span>}
      </div>
      {open && <Children parentId={node.id} asOf={asOf} />}
    </li>
  );
}
