import { useEffect, useRef, useState } from "preact/hooks";
import type { RouteProps } from "../../../app/router";
import { session } from "../../../app/session";
import { ErrorMessage, Loading, useTitle } from "../../../app/ui";
import { countEvent } from "../../../realtime/channel";
import { onlineByChannel, presenceMoved, type OnlineByChannel } from "../../../realtime/channelLive";
import type { HubStatus } from "../../../realtime/coordination";
import { request } from "../api";
import type { MyChannelsQuery as MyChannelsQueryResult } from "../../../gql/console/graphql";
import { MyChannelsQuery } from "./documents";
import { cht, type ChannelKey } from "./i18n";
import { useCoordinationHub } from "./useHub";
import "./channels.css";

type Channel = MyChannelsQueryResult["channels"]["nodes"][number];

async function loadChannels(): Promise<Channel[]> {
  const all: Channel[] = [];
  let after: string | null = null;
  for (;;) {
    const page: MyChannelsQueryResult["channels"] = (await request(MyChannelsQuery, { after })).channels;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
    after = page.pageInfo.endCursor;
  }
}

/**
 * My channels with their unread and mention badges, moving live: each pushed post of another member counts; after
 * every start of the connection the list catches up from the versions it holds (the hub's rule), and a skipped
 * version or a membership change reads the list again from the server. Who of each channel's members is connected
 * (on any host) is read after every start and moved by `presenceChanged`.
 */
export default function ChannelsPage(_: RouteProps) {
  useTitle(cht("ch.title"));
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [online, setOnline] = useState<OnlineByChannel>({});
  const onlineNow = useRef<OnlineByChannel>({});
  const current = useRef<Channel[] | null>(null);
  current.current = channels;
  const me = session.value?.personId ?? "";

  const reload = () =>
    loadChannels().then(
      (list) => {
        setChannels(list);
        setError(undefined);
        current.current = list;
        void catchUp();
      },
      (e: unknown) => setError(e),
    );

  const count = (events: Parameters<typeof countEvent>[1][]) => {
    let list = current.current;
    if (!list) return;
    let resync = false;
    for (const e of events) {
      const r = countEvent(list, e, me);
      list = r.list as Channel[];
      resync ||= r.resync;
    }
    current.current = list;
    setChannels(list);
    if (resync) void reload();
  };

  const { hub, status } = useCoordinationHub({
    event: (e) => count([e]),
    started: () => {
      void catchUp();
      void readOnline();
    },
    changed: () => {
      void reload();
      void readOnline();
    },
    presence: (e) => {
      const r = presenceMoved(onlineNow.current, e);
      onlineNow.current = r.online;
      setOnline(r.online);
      if (r.reread) void readOnline();
    },
  });
  const hubRef = useRef(hub);
  hubRef.current = hub;

  async function readOnline() {
    const h = hubRef.current;
    if (!h || h.status.value !== "live") return;
    try {
      onlineNow.current = onlineByChannel(await h.onlineInMyChannels());
      setOnline(onlineNow.current);
    } catch {
      // The counts wait for the next start or change: the list itself still works.
    }
  }

  async function catchUp() {
    const list = current.current;
    const h = hubRef.current;
    if (!list?.length || !h || h.status.value !== "live") return;
    try {
      const results = await h.catchUp(list.map((c) => ({ channelId: c.id, version: c.version })));
      count(results.flatMap((r) => r.events));
    } catch {
      void reload();
    }
  }

  useEffect(() => void reload(), []);
  useEffect(() => {
    void catchUp();
    void readOnline();
  }, [hub]);

  return (
    <section class="console">
      <h1>{cht("ch.title")}</h1>
      <HubStatusLine status={status} />
      {error !== undefined && <ErrorMessage error={error} retry={reload} />}
      {channels === null ? (
        error === undefined && <Loading />
      ) : channels.length === 0 ? (
        <p class="muted">{cht("ch.none")}</p>
      ) : (
        <ul class="cards" data-testid="channels">
          {channels.map((c) => (
            <li key={c.id} class="card" data-testid="channel">
              <h2 class="card-title">
                <a href={`/console/channels/${c.id}`}>{c.name}</a>
              </h2>
              <p>
                <span class="tag">{cht(("ch.kind." + c.kind) as ChannelKey)}</span>
                {c.archived && <span class="tag">{cht("ch.archived")}</span>}
                {!c.archived && c.myRole === "READER" && <span class="tag">{cht("ch.readOnly")}</span>}
                {c.unread.count > 0 && (
                  <span class="badge" data-testid="unread">{cht("ch.unread", { count: c.unread.count })}</span>
                )}
                {c.unread.mentions > 0 && (
                  <span class="badge mention" data-testid="mentions">{cht("ch.mentions", { count: c.unread.mentions })}</span>
                )}
                <OnlineTag kind={c.kind} count={online[c.id]?.length ?? 0} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OnlineTag({ kind, count }: { kind: string; count: number }) {
  if (count === 0) return null;
  return kind === "DIRECT" ? (
    <span class="online" data-testid="online">
      <span class="dot" aria-hidden="true" />
      {cht("ch.onlineDirect")}
    </span>
  ) : (
    <span class="online" data-testid="online">
      <span class="dot" aria-hidden="true" />
      {cht("ch.online", { count })}
    </span>
  );
}

export function HubStatusLine({ status }: { status: HubStatus }) {
  return (
    <p class={status === "live" ? "muted" : "banner"} role="status" data-testid="hub-status">
      {cht(status === "live" ? "ch.live" : status === "connecting" ? "ch.connecting" : "ch.reconnecting")}
    </p>
  );
}
