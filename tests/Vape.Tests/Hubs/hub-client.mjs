// The official JavaScript SignalR client (@microsoft/signalr, and @microsoft/signalr-protocol-msgpack for
// MessagePack) against a running host, as a frontend would use it. Run by HubClientTests:
//   node hub-client.mjs <scenario> <json|msgpack>   with VAPE_URL, VAPE_WEB (src/Web, for its node_modules) and
//   the scenario's tokens and ids in the environment; prints one JSON object (what the client saw) on stdout.
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";

const require = createRequire(path.join(process.env.VAPE_WEB, "package.json"));
const signalR = require("@microsoft/signalr");
const { MessagePackHubProtocol } = require("@microsoft/signalr-protocol-msgpack");

const [scenario, protocol] = process.argv.slice(2);
const url = process.env.VAPE_URL;
const channelId = process.env.VAPE_CHANNEL;

function connect(token) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(url + "/hubs/coordination", { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.None);
  if (protocol === "msgpack") builder.withHubProtocol(new MessagePackHubProtocol());
  return builder.build();
}

function within(ms, promise, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), ms))]);
}

// One channel's pushes, by message id.
function listen(connection) {
  const heard = new Map();
  const waiters = new Map();
  connection.on("channelEvent", (e) => {
    if (e.channelId !== channelId) return;
    heard.set(e.message.id, e);
    waiters.get(e.message.id)?.(e);
  });
  return {
    heard,
    next: (id) => (heard.has(id) ? Promise.resolve(heard.get(id)) : new Promise((resolve) => waiters.set(id, resolve))),
  };
}

const post = (connection, body) =>
  connection.invoke("Post", { channelId, messageId: randomUUID(), body, priority: "URGENT" });

async function contract() {
  const reader = connect(process.env.VAPE_READER_TOKEN);
  const pushes = listen(reader);
  await reader.start();
  const channels = await reader.invoke("Channels");
  const writer = connect(process.env.VAPE_WRITER_TOKEN);
  await writer.start();
  const posted = await post(writer, "Họp giao ban sáng thứ Hai.");
  const push = await within(30000, pushes.next(posted.id), "the push");
  const caughtUp = await reader.invoke("CatchUp", [{ channelId, version: posted.version - 1 }]);
  await Promise.all([reader.stop(), writer.stop()]);
  return { channel: channels.find((c) => c.channelId === channelId), posted, push, caughtUp };
}

// The documented rule (docs/coordination.md): after every start, the first included, a client catches up from the
// versions it holds. A post races each connect; with the catch-up the client never misses it.
async function race() {
  const tries = Number(process.env.VAPE_TRIES ?? "20");
  const writer = connect(process.env.VAPE_WRITER_TOKEN);
  await writer.start();
  let held = (await writer.invoke("Channels")).find((c) => c.channelId === channelId).version;
  let missedByPushes = 0;
  let missed = 0;
  for (let i = 0; i < tries; i++) {
    // The writer stays under the hub's calls-per-second limit.
    const began = Date.now();
    const reader = connect(process.env.VAPE_READER_TOKEN);
    const pushes = listen(reader);
    await reader.start();
    const posted = await post(writer, "Tin chạy đua " + i);
    const [result] = await reader.invoke("CatchUp", [{ channelId, version: held }]);
    const caughtUp = new Set(result.events.map((e) => e.message.id));
    // A push may still be on its way after the catch-up's answer: give it a moment before calling it missed.
    const pushed = await within(2000, pushes.next(posted.id), "push").then(() => true, () => false);
    if (!pushed) missedByPushes++;
    if (!pushed && !caughtUp.has(posted.id)) missed++;
    held = result.version;
    await reader.stop();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 300 - (Date.now() - began))));
  }
  await writer.stop();
  return { tries, missedByPushes, missed };
}

async function tooLarge() {
  const writer = connect(process.env.VAPE_WRITER_TOKEN);
  const closed = new Promise((resolve) => writer.onclose((error) => resolve(error?.message ?? null)));
  await writer.start();
  const sent = post(writer, "x".repeat(Number(process.env.VAPE_BODY_CHARS))).then(() => "answered", (e) => e.message);
  const reason = await within(30000, closed, "the close");
  return { reason, call: await sent };
}

const scenarios = { contract, race, tooLarge };
try {
  console.log(JSON.stringify(await scenarios[scenario]()));
  process.exit(0);
} catch (e) {
  console.error(e?.stack ?? String(e));
  process.exit(1);
}
