// The class's voice and picture through Janus's VideoRoom, with Debian's janus.js (loaded here, on demand, from the
// host: /classes/media/janus.js). Loaded only when the class has media (docs/adr/0141).
import { AppError } from "../../../api/errors";
import { WeakLink } from "./link";

/** What `joinClassMedia` gave: where, which room, its pin, my own token, and my feed when I may publish. */
export interface Grant { url: string; room: number; pin: string; token: string; publisher: boolean; feed?: number | null }

type Body = Record<string, unknown>;
interface Jsep { type: string; sdp: string }
interface Message { videoroom?: string; error_code?: number; error?: string; participants?: { id: number; publisher: boolean }[]; streams?: { mid: string; type: string }[]; leaving?: unknown; reason?: string }
interface Handle {
  send(o: { message: Body; jsep?: Jsep; success?: (r?: Message) => void; error?: (e: unknown) => void }): void;
  createOffer(o: Body): void;
  createAnswer(o: Body): void;
  handleRemoteJsep(o: { jsep: Jsep }): void;
  detach(o?: Body): void;
  muteAudio(): void;
  unmuteAudio(): void;
  muteVideo(): void;
  unmuteVideo(): void;
  webrtcStuff: { pc?: RTCPeerConnection };
}
interface Session { attach(o: Body): void; destroy(o?: Body): void }
interface JanusStatic {
  new (o: Body): Session;
  init(o: Body): void;
  useDefaultDependencies(o: Body): Body;
}

let loading: Promise<JanusStatic> | null = null;

/** Debian's janus.js, once per page. It wants webrtc-adapter only for the browser's name: given here instead. */
function loadJanus(): Promise<JanusStatic> {
  return (loading ??= new Promise<JanusStatic>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/classes/media/janus.js";
    script.async = true;
    script.onload = () => {
      const Janus = (window as unknown as { Janus: JanusStatic }).Janus;
      const chrome = /Chrom(e|ium)\/(\d+)/.exec(navigator.userAgent);
      const browserDetails = chrome ? { browser: "chrome", version: Number(chrome[2]) } : /Firefox\/(\d+)/.test(navigator.userAgent) ? { browser: "firefox", version: 0 } : { browser: "safari", version: 605 };
      Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies({ adapter: { browserDetails } }), callback: () => resolve(Janus) });
    };
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new AppError("MEDIA_UNAVAILABLE"));
    };
    document.head.appendChild(script);
  }));
}

export interface MediaCallbacks {
  /** The tracks received now (the teacher's, and a speaking learner's audio). */
  tracks(tracks: MediaStreamTrack[]): void;
  /** The link was weak for a while: the picture was dropped (audio-only), or its layer lowered. */
  weak(audioOnly: boolean): void;
  /** Janus is gone (node down, session lost, token revoked): the panel asks for a new token and joins again. */
  lost(): void;
  /** A host ended my turn to speak (Janus kicked my publishing). */
  stoppedPublishing(): void;
}

export interface MediaChoice { audioOnly: boolean; layer: 0 | 2 }

/** How often the room's publishers are read (a subscriber is not told when one starts). */
const PUBLISHERS_EVERY_MS = 3000;

/**
 * One person's media in one room: publishes (camera and microphone for a host, microphone for a learner whose hand
 * was taken) when the grant allows it, and subscribes to every other publisher of the room, audio-only or on the
 * chosen simulcast layer.
 */
export class JanusMedia {
  private session: Session | null = null;
  private control: Handle | null = null;
  private pub: Handle | null = null;
  private sub: Handle | null = null;
  private subFeeds = "";
  private subChoice = "";
  private received = new Map<string, MediaStreamTrack>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private readonly weakLink = new WeakLink();
  private closed = false;
  private refreshing = false;

  constructor(private readonly grant: Grant, private choice: MediaChoice, private readonly on: MediaCallbacks) {}

  get publishing(): boolean {
    return this.pub !== null;
  }

  async start(withVideo: boolean): Promise<void> {
    const Janus = await loadJanus();
    this.session = await new Promise<Session>((resolve, reject) => {
      const s: Session = new Janus({
        server: this.grant.url,
        token: this.grant.token,
        // No STUN or TURN server: Janus is reached directly (janus.js would otherwise ask Google's STUN server).
        iceServers: [],
        success: () => resolve(s),
        error: () => (this.session ? this.lose() : reject(new AppError("MEDIA_UNAVAILABLE"))),
        destroyed: () => this.lose(),
      });
    });
    this.control = await this.attach({});
    if (this.grant.publisher && this.grant.feed) await this.publish(withVideo);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), PUBLISHERS_EVERY_MS);
    this.statsTimer = setInterval(() => void this.watchLink(), 1000);
  }

  /** Audio-only or the picture back, or another layer: the subscription is made again with the new choice. */
  async choose(choice: MediaChoice): Promise<void> {
    this.choice = choice;
    this.weakLink.reset();
    await this.refresh();
  }

  setMicrophone(on: boolean): void {
    if (on) this.pub?.unmuteAudio();
    else this.pub?.muteAudio();
  }

  setCamera(on: boolean): void {
    if (on) this.pub?.unmuteVideo();
    else this.pub?.muteVideo();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.statsTimer);
    this.session?.destroy({ notifyDestroyed: false });
  }

  private lose(): void {
    if (this.closed) return;
    this.close();
    this.on.lost();
  }

  private attach(handlers: { onmessage?: (m: Message, jsep?: Jsep) => void; onremotetrack?: (t: MediaStreamTrack, mid: string, on: boolean) => void }): Promise<Handle> {
    return new Promise((resolve, reject) => {
      this.session!.attach({
        plugin: "janus.plugin.videoroom",
        success: resolve,
        error: () => reject(new AppError("MEDIA_UNAVAILABLE")),
        onmessage: (m: Message, jsep?: Jsep) => handlers.onmessage?.(m, jsep),
        onremotetrack: (t: MediaStreamTrack, mid: string, on: boolean) => handlers.onremotetrack?.(t, mid, on),
      });
    });
  }

  /** A request Janus answers at once (listparticipants, configure's ack). */
  private request(handle: Handle, message: Body, jsep?: Jsep): Promise<Message | undefined> {
    return new Promise((resolve, reject) => handle.send({ message, jsep, success: resolve, error: () => reject(new AppError("MEDIA_UNAVAILABLE")) }));
  }

  private async publish(withVideo: boolean): Promise<void> {
    let joined: (m: Message) => void = () => {};
    let answered: (j: Jsep | null) => void = () => {};
    const handle = await this.attach({
      onmessage: (m, jsep) => {
        if (jsep) answered(jsep);
        if (m.error_code) answered(null);
        if (m.videoroom === "joined" || m.error_code) joined(m);
        // Kicked (a host ended my turn, or removed me): stop sending.
        if (m.leaving === "ok" || (m.videoroom === "event" && m.reason === "kicked")) this.stopPublishing();
      },
    });
    const joinedMessage = await new Promise<Message>((resolve) => {
      joined = resolve;
      handle.send({ message: { request: "join", ptype: "publisher", room: this.grant.room, pin: this.grant.pin, id: this.grant.feed, token: this.grant.token } });
    });
    if (joinedMessage.error_code) throw new AppError("MEDIA_UNAVAILABLE");
    const offer = await new Promise<Jsep>((resolve, reject) =>
      handle.createOffer({
        // Audio first (mid 0 on every publisher: an audio-only subscriber asks for mid 0), then the camera in
        // simulcast (three layers; a phone receives the low one).
        tracks: [{ type: "audio", capture: true, recv: false }, ...(withVideo ? [{ type: "video", capture: true, recv: false, simulcast: true }] : [])],
        success: resolve,
        error: () => reject(new AppError("MEDIA_DEVICE")),
      }),
    );
    const answer = new Promise<Jsep | null>((resolve) => (answered = resolve));
    await this.request(handle, { request: "publish" }, offer);
    const jsep = await answer;
    if (!jsep) throw new AppError("MEDIA_UNAVAILABLE");
    handle.handleRemoteJsep({ jsep });
    this.pub = handle;
  }

  private stopPublishing(): void {
    const pub = this.pub;
    if (!pub) return;
    this.pub = null;
    pub.detach();
    this.on.stoppedPublishing();
  }

  /** Reads the room's publishers; when they (or the choice) changed, subscribes again. */
  private async refresh(): Promise<void> {
    if (this.refreshing || this.closed || !this.control) return;
    this.refreshing = true;
    try {
      const list = await this.request(this.control, { request: "listparticipants", room: this.grant.room });
      const feeds = (list?.participants ?? []).filter((p) => p.publisher && p.id !== this.grant.feed).map((p) => p.id).sort((a, b) => a - b);
      const choice = `${this.choice.audioOnly}:${this.choice.layer}`;
      if (feeds.join() === this.subFeeds && choice === this.subChoice) return;
      await this.subscribe(feeds);
      this.subFeeds = feeds.join();
      this.subChoice = choice;
    } catch {
      // The next round tries again; a lost session is reported by janus.js itself.
    } finally {
      this.refreshing = false;
    }
  }

  private async subscribe(feeds: number[]): Promise<void> {
    this.sub?.detach();
    this.sub = null;
    this.received.clear();
    this.on.tracks([]);
    if (!feeds.length) return;
    const { audioOnly, layer } = this.choice;
    let offered: (o: { jsep: Jsep | null; streams: Message["streams"] }) => void = () => {};
    const handle = await this.attach({
      onmessage: (m, jsep) => {
        if (jsep || m.error_code) offered({ jsep: jsep ?? null, streams: m.streams });
      },
      onremotetrack: (track, mid, on) => {
        if (on) this.received.set(mid, track);
        else this.received.delete(mid);
        this.on.tracks([...this.received.values()]);
      },
    });
    const offer = await new Promise<{ jsep: Jsep | null; streams: Message["streams"] }>((resolve) => {
      offered = resolve;
      // Audio-only: only mid 0 (every publisher's audio), so not one video packet is sent (under 50 kbps down).
      handle.send({ message: { request: "join", ptype: "subscriber", room: this.grant.room, pin: this.grant.pin, streams: feeds.map((feed) => (audioOnly ? { feed, mid: "0" } : { feed })) } });
    });
    if (!offer.jsep) {
      handle.detach();
      return;
    }
    const answer = await new Promise<Jsep>((resolve, reject) =>
      handle.createAnswer({ jsep: offer.jsep, tracks: [{ type: "data" }], success: resolve, error: () => reject(new AppError("MEDIA_UNAVAILABLE")) }),
    );
    await this.request(handle, { request: "start", room: this.grant.room }, answer);
    this.sub = handle;
    const video = (offer.streams ?? []).filter((s) => s.type === "video").map((s) => ({ mid: s.mid, substream: layer }));
    if (!audioOnly && video.length) await this.request(handle, { request: "configure", streams: video });
  }

  /** The received video's bytes and losses, each second: a weak link lowers the layer, then drops the picture. */
  private async watchLink(): Promise<void> {
    const pc = this.sub?.webrtcStuff.pc;
    if (!pc || this.choice.audioOnly) return;
    let bytes = 0, packetsReceived = 0, packetsLost = 0;
    (await pc.getStats()).forEach((s: { type: string; kind?: string; bytesReceived?: number; packetsReceived?: number; packetsLost?: number }) => {
      if (s.type !== "inbound-rtp" || s.kind !== "video") return;
      bytes += s.bytesReceived ?? 0;
      packetsReceived += s.packetsReceived ?? 0;
      packetsLost += s.packetsLost ?? 0;
    });
    if (!this.weakLink.add({ at: performance.now(), bytes, packetsReceived, packetsLost })) return;
    const audioOnly = this.choice.layer === 0;
    this.on.weak(audioOnly);
    await this.choose(audioOnly ? { audioOnly: true, layer: 0 } : { audioOnly: false, layer: 0 });
  }
}
