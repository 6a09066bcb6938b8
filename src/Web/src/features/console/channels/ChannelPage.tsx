import { useEffect, useRef, useState } from "preact/hooks";
import type { RouteProps } from "../../../app/router";
import { session } from "../../../app/session";
import { ErrorMessage, Loading, useTitle } from "../../../app/ui";
import {
  applyEvent, canPost, logFrom, withOlder, withReplies,
  type ChannelEvent, type ChannelLog, type ChannelMessage,
} from "../../../realtime/channel";
import { readCount } from "../../../realtime/channelLive";
import { Sequencer } from "../../../realtime/sequencer";
import { request } from "../api";
import { ChannelSearch } from "./ChannelSearch";
import { HubStatusLine } from "./ChannelsPage";
import { Composer } from "./Composer";
import { Message, needsAck } from "./Message";
import { rightsOn } from "./MessageActions";
import { PeopleLine } from "./PeopleLine";
import { PinnedList } from "./PinnedList";
import { usePeople } from "./usePeople";
import { AcknowledgementsQuery, ChannelQuery, ThreadQuery } from "./documents";
import { cht, type ChannelKey } from "./i18n";
import { useCoordinationHub } from "./useHub";
import "./channels.css";

type Channel = NonNullable<Awaited<ReturnType<typeof loadChannel>>>;
type Acks = NonNullable<NonNullable<Awaited<ReturnType<typeof loadAcks>>>>;

const loadChannel = async (id: string, before?: string | null) => (await request(ChannelQuery, { id, before })).channel;
const loadAcks = async (messageId: string) => (await request(AcknowledgementsQuery, { messageId })).thread?.root;
const smallChannel = 20;

/**
 * One channel: its latest messages, moved on live by the hub's events in version order (a Sequencer; a gap, and
 * every start of the connection, asks `CatchUp` from the version held), threads (`?thread=`), posting with mentions
 * and a priority, and who has not acknowledged an important or urgent message. An archived channel, and a reader's
 * seat in an announcement channel, show the history with no way to post.
 */
export default function ChannelPage({ params, query }: RouteProps) {
  const id = params.id!;
  const threadId = query.get("thread");
  const me = session.value?.personId ?? "";
  const [channel, setChannel] = useState<Channel | null | undefined>(undefined);
  const [log, setLog] = useState<ChannelLog | null>(null);
  const [older, setOlder] = useState<string | null>(null);
  const [acks, setAcks] = useState<Record<string, Acks>>({});
  const [error, setError] = useState<unknown>();
  const logRef = useRef<ChannelLog | null>(null);
  const seq = useRef<Sequencer<ChannelEvent> | null>(null);
  const readTimer = useRef<ReturnType<typeof setTimeout>>();
  const [reads, setReads] = useState<Record<string, number>>({});
  const people = usePeople(id, me);
  useTitle(channel?.name ?? cht("ch.title"));

  const update = (next: ChannelLog) => {
    logRef.current = next;
    setLog(next);
  };

  const refreshAcks = (messageId: string) =>
    loadAcks(messageId).then((a) => a && setAcks((all) => ({ ...all, [messageId]: a })), () => undefined);

  const markReadSoon = () => {
    clearTimeout(readTimer.current);
    readTimer.current = setTimeout(() => void hubRef.current?.markRead(id).catch(() => undefined), 400);
  };

  const take = (events: ChannelEvent[]) => {
    const s = seq.current;
    let l = logRef.current;
    if (!s || !l) return;
    let fresh = false;
    for (const e of events)
      for (const ready of s.offer(e)) {
        l = applyEvent(l, ready);
        if (needsAck(ready.message)) void refreshAcks(ready.message.id);
        fresh ||= ready.kind === "POSTED" && ready.message.authorId !== me;
        if (ready.kind === "POSTED") people.posted(ready.message.authorId);
      }
    update(l);
    if (fresh && document.visibilityState === "visible") markReadSoon();
    if (s.hasGap) void catchUp();
  };

  const { hub, status } = useCoordinationHub({
    event: (e) => e.channelId === id && take([e]),
    started: () => {
      void catchUp();
      void people.loadPresence(hubRef.current);
    },
    changed: () => void load(),
    typing: people.onTyping,
    presence: people.onPresence,
    readReceipt: (e) =>
      e.channelId === id && setReads((r) => (e.lastReadVersion > (r[e.personId] ?? -1) ? { ...r, [e.personId]: e.lastReadVersion } : r)),
  });
  const hubRef = useRef(hub);
  hubRef.current = hub;

  const catching = useRef(false);
  async function catchUp() {
    const h = hubRef.current;
    if (!seq.current || !h || h.status.value !== "live" || catching.current) return;
    catching.current = true;
    try {
      const [r] = await h.catchUp([{ channelId: id, version: seq.current.version }]);
      if (r && !r.complete) return void load();
      take(r?.events ?? []);
    } catch {
      // Offline or the version is gone: the next start catches up again; a conflict reads the channel again.
    } finally {
      catching.current = false;
    }
  }

  async function load() {
    try {
      const c = await loadChannel(id);
      setChannel(c);
      if (!c) return;
      setReads(Object.fromEntries(c.members.map((m) => [m.personId, m.lastReadVersion])));
      seq.current = new Sequencer<ChannelEvent>(c.version);
      update(logFrom(id, c.version, c.messages.nodes));
      setOlder(c.messages.pageInfo.hasPreviousPage ? (c.messages.pageInfo.startCursor ?? null) : null);
      setError(undefined);
      for (const m of c.messages.nodes) if (needsAck(m)) void refreshAcks(m.id);
      void catchUp();
      markReadSoon();
    } catch (e) {
      setError(e);
    }
  }

  useEffect(() => {
    setChannel(undefined);
    void load();
    return () => clearTimeout(readTimer.current);
  }, [id]);
  useEffect(() => {
    void catchUp();
    if (hub?.status.value === "live") void people.loadPresence(hub);
  }, [hub]);

  useEffect(() => {
    if (!threadId) return;
    request(ThreadQuery, { messageId: threadId }).then((t) => {
      const l = logRef.current;
      if (!t?.thread || !l) return;
      update(withReplies(l.byId[t.thread.root.id] ? l : { ...l, byId: { ...l.byId, [t.thread.root.id]: t.thread.root } }, t.thread.root.id, t.thread.replies.nodes));
    }, setError);
  }, [threadId, log !== null]);

  const loadOlder = async () => {
    if (!older) return;
    try {
      const c = await loadChannel(id, older);
      const l = logRef.current;
      if (!c || !l) return;
      update(withOlder(l, c.messages.nodes));
      setOlder(c.messages.pageInfo.hasPreviousPage ? (c.messages.pageInfo.startCursor ?? null) : null);
    } catch (e) {
      setError(e);
    }
  };

  if (channel === null)
    return (
      <section class="console">
        <p class="error" role="alert">{cht("ch.notFound")}</p>
        <p><a href="/console/channels">{cht("ch.back")}</a></p>
      </section>
    );
  if (channel === undefined || !log) return error !== undefined ? <ErrorMessage error={error} retry={load} /> : <Loading />;

  const names = new Map(channel.members.map((m) => [m.personId, m.name ?? cht("ch.someone")]));
  const root = threadId ? log.byId[threadId] : undefined;
  const shown = root ? (log.replies[root.id] ?? []) : log.main;
  const refused = (e: unknown) => setError(e);
  const view = (m: ChannelMessage, inThread: boolean) => (
    <Message
      key={m.id}
      m={m}
      me={me}
      author={names.get(m.authorId) ?? cht("ch.someone")}
      acks={acks[m.id]}
      names={names}
      inThread={inThread}
      channelId={id}
      acknowledge={
        hub && !channel.archived
          ? () => hub.acknowledge(m.id).then(() => refreshAcks(m.id), (e: unknown) => setError(e))
          : undefined
      }
      doings={{
        rights: rightsOn(m, me, channel),
        react: hub && !channel.archived ? (emoji, add) => void hub.react(m.id, emoji, add).catch(refused) : undefined,
        edit: (body) => hub?.edit(m.id, body) ?? Promise.reject(new Error("offline")),
        remove: () => hub?.delete(m.id) ?? Promise.reject(new Error("offline")),
        pin: (pinned) => hub?.pin(m.id, pinned) ?? Promise.reject(new Error("offline")),
      }}
      readBy={channel.members.length <= smallChannel ? readCount(reads, m.postedVersion ?? m.version, m.authorId) : undefined}
    />
  );

  return (
    <section class="console">
      <p class="crumbs">
        <a href="/console/channels">{cht("ch.back")}</a>
      </p>
      <h1>{channel.name}</h1>
      <p>
        <span class="tag">{cht(("ch.kind." + channel.kind) as ChannelKey)}</span>
        {channel.archived && <span class="tag">{cht("ch.archived")}</span>}
        {!channel.archived && channel.myRole === "READER" && <span class="tag">{cht("ch.readOnly")}</span>}
      </p>
      <HubStatusLine status={status} />
      <PeopleLine typingIds={people.typingIds} presentIds={people.presentIds} names={names} />
      <PinnedList log={log} server={channel.pinnedMessages} names={names} channelId={id} />
      <ChannelSearch channelId={id} names={names} />
      {error !== undefined && <ErrorMessage error={error} retry={() => setError(undefined)} />}
      {root ? (
        <section aria-labelledby="thread-title" data-testid="thread">
          <h2 id="thread-title">{cht("ch.thread")}</h2>
          <p>
            <a href={`/console/channels/${id}`}>{cht("ch.closeThread")}</a>
          </p>
          <ol class="messages">{view(root, true)}</ol>
          {shown.length === 0 ? (
            <p class="muted">{cht("ch.noReplies")}</p>
          ) : (
            <ol class="messages replies" data-testid="replies">{shown.map((mid) => view(log.byId[mid]!, true))}</ol>
          )}
        </section>
      ) : (
        <>
          <h2>{cht("ch.messages")}</h2>
          {older && (
            <button type="button" class="secondary" onClick={loadOlder}>
              {cht("ch.older")}
            </button>
          )}
          {shown.length === 0 ? (
            <p class="muted">{cht("ch.noMessages")}</p>
          ) : (
            <ol class="messages" data-testid="messages">{shown.map((mid) => view(log.byId[mid]!, false))}</ol>
          )}
        </>
      )}
      {canPost(channel) ? (
        hub && <Composer hub={hub} channelId={id} key={id} threadRootId={root?.id ?? null} members={channel.members} me={me} />
      ) : (
        <p class="notice" data-testid="read-only">
          {cht(channel.archived ? "ch.archivedNotice" : "ch.readerNotice")}{" "}
          {channel.successorChannelId && <a href={`/console/channels/${channel.successorChannelId}`}>{cht("ch.successor")}</a>}
        </p>
      )}
    </section>
  );
}
