// Lightweight WebRTC learners on one class's Janus room (issue #27's measurements; docs/classes.md, "Media load").
//
//   node load.js run.json      (README.md in this folder: the input, the output)
//
// Vape's path: the teacher and every learner ask Vape's `joinClassMedia`, then open a Janus session with the token.
// The baseline: the same teacher and learners on the same Janus VideoRoom with the room and tokens made directly
// through Janus's admin API, no Vape. Prints one JSON object: per learner and per run.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { cpus } from 'node:os';
import { JanusAdmin } from './janus.js';
import { publish, subscribe } from './peers.js';

const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ticksPerSecond = Number(execSync('getconf CLK_TCK'));
const JOIN = 'mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token feed } }';

async function joinClassMedia(bearer) {
  const response = await fetch(`${run.vape.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: JOIN, variables: { i: { sessionId: run.vape.session } } }),
  });
  const answer = await response.json();
  if (answer.errors) throw new Error(`joinClassMedia: ${JSON.stringify(answer.errors)}`);
  return answer.data.joinClassMedia;
}

// What a learner is given to join with: by Vape, or made directly (the baseline).
function entrance() {
  if (run.vape) return { count: run.vape.learners.length, teacher: () => joinClassMedia(run.vape.teacher), learner: i => joinClassMedia(run.vape.learners[i]) };
  const admin = new JanusAdmin(run.janus.admin, run.janus.secret);
  const room = randomInt(1, 2 ** 31), pin = randomBytes(8).toString('hex'), feed = randomInt(1, 2 ** 31);
  const given = async () => {
    const token = randomBytes(16).toString('hex');
    await admin.addToken(token);
    return { url: run.janus.url, room, pin, token, feed };
  };
  return { count: run.janus.learners, teacher: async () => (await admin.createRoom(room, pin), given()), learner: given };
}

function janusCpuSeconds() {
  const fields = readFileSync(`/proc/${run.janusPid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
}

async function inTurns(count, width, call) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, count) }, async () => {
    while (next < count) { const i = next++; results[i] = await call(i); }
  }));
  return results;
}

const percentile = (values, p) => values.length ? values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)] : null;

const door = entrance();
const teacherGiven = await door.teacher();
const teacher = await publish(teacherGiven);
const learners = await inTurns(door.count, run.joinsAtOnce ?? 10, async i => {
  const startedAt = Date.now();
  const given = await door.learner(i);
  const tokenMs = Date.now() - startedAt;
  return Object.assign(await subscribe({ ...given, feed: teacherGiven.feed, audioOnly: i >= door.count - (run.audioOnly ?? 0), startedAt }), { tokenMs });
});

// Every learner with video has its first frame (or the run gives up after `firstFrameSeconds`; the caller checks).
const giveUp = Date.now() + (run.firstFrameSeconds ?? 60) * 1000;
while (learners.some(l => !l.audioOnly && l.firstFrameMs === null) && Date.now() < giveUp) await new Promise(r => setTimeout(r, 100));

const before = await Promise.all(learners.map(l => l.received()));
const cpuBefore = janusCpuSeconds(), windowStart = Date.now();
await new Promise(r => setTimeout(r, (run.seconds ?? 20) * 1000));
const after = await Promise.all(learners.map(l => l.received()));
const cpu = janusCpuSeconds() - cpuBefore, seconds = (Date.now() - windowStart) / 1000;

const perLearner = learners.map((l, i) => ({
  audioOnly: l.audioOnly,
  tokenMs: l.tokenMs,
  firstFrameMs: l.firstFrameMs,
  videoPackets: after[i].videoPackets,
  audioPackets: after[i].audioPackets,
  framesDecoded: after[i].framesDecoded,
  bytesPerMinute: Math.round(((after[i].bytes - before[i].bytes) * 60) / seconds),
}));
const tokens = perLearner.map(l => l.tokenMs);
const firstFrames = perLearner.filter(l => l.firstFrameMs !== null).map(l => l.firstFrameMs);
const mean = list => list.length ? Math.round(list.reduce((a, b) => a + b, 0) / list.length) : null;
console.log(JSON.stringify({
  path: run.vape ? 'vape' : 'janus',
  learners: learners.length,
  cores: cpus().length,
  seconds,
  firstFrameMs: { p50: percentile(firstFrames, 0.5), p99: percentile(firstFrames, 0.99), max: Math.max(...firstFrames) },
  tokenMs: { p50: percentile(tokens, 0.5), p99: percentile(tokens, 0.99) },
  bytesPerMinute: { video: mean(perLearner.filter(l => !l.audioOnly).map(l => l.bytesPerMinute)), audioOnly: mean(perLearner.filter(l => l.audioOnly).map(l => l.bytesPerMinute)) },
  janusCpuSeconds: cpu,
  janusCorePercentPerLearner: (cpu / seconds / learners.length) * 100,
  perLearner,
}));

await Promise.all(learners.map(l => l.stop()));
await teacher.stop();
process.exit(0); // libwebrtc's threads: exit without waiting for their teardown
