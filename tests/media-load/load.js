// Lightweight WebRTC learners on one class's Janus room (issue #27's measurements; docs/classes.md, "Media load").
//
//   node load.js run.json      (README.md in this folder: the input, the output)
//
// Vape's path: the teacher and every learner ask Vape's `joinClassMedia`, then open a Janus session with the token.
// The baseline: the same teacher and learners on the same Janus VideoRoom with the room and tokens made directly
// through Janus's admin API, no Vape. The teacher publishes from this process; the learners are shared out to
// `workers` client processes (worker.js). Prints one JSON object: per learner and per run.
import { readFileSync } from 'node:fs';
import { execSync, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { learnerCount, teacherEntrance } from './door.js';
import { publish } from './peers.js';

const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ticksPerSecond = Number(execSync('getconf CLK_TCK'));
const count = learnerCount(run);
const workers = Math.max(1, Math.min(run.workers ?? cpus().length, count));

// Every Janus node's process the learners are on (`janusNodes`, `janusPids`, or the one `janusPid`).
const janusPids = run.janusNodes?.map(n => n.pid) ?? run.janusPids ?? [run.janusPid];
const cpuOf = pid => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
};
const janusCpuSeconds = () => janusPids.reduce((sum, pid) => sum + cpuOf(pid), 0);

const percentile = (values, p) => values.length ? values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)] : null;
const mean = list => list.length ? Math.round(list.reduce((a, b) => a + b, 0) / list.length) : null;

// Learner i: audio only (the last `audioOnly`), or video, decoded by the first `decoding` of them, counted by the rest.
const audioOnly = run.audioOnly ?? 0, decoding = run.decoding ?? 0;
const learnersOf = w => Array.from({ length: count }, (_, index) => index).filter(index => index % workers === w)
  .map(index => ({ index, audioOnly: index >= count - audioOnly, decodes: index < decoding && index < count - audioOnly }));

const { given: teacherGiven, room } = await teacherEntrance(run);
const teacher = await publish(teacherGiven);

const processes = Array.from({ length: workers }, () => fork(new URL('./worker.js', import.meta.url)));
const exited = processes.map(p => new Promise((_, reject) => p.once('exit', code => code !== 0 && reject(new Error(`a worker exited with ${code}`)))));
const answer = (p, step) => Promise.race([...exited, new Promise(resolve => p.on('message', function heard(m) {
  if (m.step === step) { p.off('message', heard); resolve(m); }
}))]);
const all = (step, send = true) => Promise.all(processes.map(p => {
  const heard = answer(p, step);
  if (send) p.send({ step });
  return heard;
}));

const width = Math.max(1, Math.ceil((run.joinsAtOnce ?? 10) / workers));
const joined = all('joined', false);
processes.forEach((p, w) => p.send({ run, room, teacher: { url: teacherGiven.url, room: teacherGiven.room, feed: teacherGiven.feed }, share: learnersOf(w), width }));
await joined;

if (run.workerNice) processes.forEach(p => execSync(`renice -n ${Number(run.workerNice)} -p ${p.pid}`));
await all('window-start');
const nodeCpuBefore = janusPids.map(cpuOf);
const cpuBefore = janusCpuSeconds(), ownBefore = process.cpuUsage(), windowStart = Date.now();
await new Promise(r => setTimeout(r, (run.seconds ?? 20) * 1000));
const nodeCpu = janusPids.map((pid, k) => cpuOf(pid) - nodeCpuBefore[k]);
const cpu = janusCpuSeconds() - cpuBefore, own = process.cpuUsage(ownBefore), seconds = (Date.now() - windowStart) / 1000;
const ends = await all('window-end');

const perLearner = ends.flatMap(e => e.perLearner).sort((a, b) => a.index - b.index);
const clientCpu = ends.reduce((sum, e) => sum + e.cpuSeconds, 0);
const tokens = perLearner.map(l => l.tokenMs);
const firstFrames = perLearner.filter(l => l.firstFrameMs !== null).map(l => l.firstFrameMs);
// Each node's own figures (`janusNodes`): its learners, their first frames and bytes, its Janus's CPU per learner.
const byNode = (run.janusNodes ?? []).map(({ url, pid, name }, k) => {
  const on = perLearner.filter(l => l.node === url);
  const frames = on.filter(l => l.firstFrameMs !== null).map(l => l.firstFrameMs);
  return {
    name: name ?? url, url, pid, learners: on.length,
    firstFrameMs: { p50: percentile(frames, 0.5), p99: percentile(frames, 0.99), max: frames.length ? Math.max(...frames) : null },
    bytesPerMinute: { video: mean(on.filter(l => !l.audioOnly).map(l => l.bytesPerMinute)), audioOnly: mean(on.filter(l => l.audioOnly).map(l => l.bytesPerMinute)) },
    janusCpuSeconds: nodeCpu[k],
    janusCorePercentPerLearner: on.length ? (nodeCpu[k] / seconds / on.length) * 100 : null,
  };
});
console.log(JSON.stringify({
  path: run.vape ? 'vape' : 'janus',
  learners: perLearner.length,
  decoding: perLearner.filter(l => l.decodes && !l.audioOnly).length,
  workers,
  cores: cpus().length,
  seconds,
  firstFrameMs: { p50: percentile(firstFrames, 0.5), p99: percentile(firstFrames, 0.99), max: firstFrames.length ? Math.max(...firstFrames) : null },
  tokenMs: { p50: percentile(tokens, 0.5), p99: percentile(tokens, 0.99) },
  bytesPerMinute: { video: mean(perLearner.filter(l => !l.audioOnly).map(l => l.bytesPerMinute)), audioOnly: mean(perLearner.filter(l => l.audioOnly).map(l => l.bytesPerMinute)) },
  learnersByNode: perLearner.reduce((nodes, l) => ({ ...nodes, [l.node]: (nodes[l.node] ?? 0) + 1 }), {}),
  nodes: byNode,
  janusCpuSeconds: cpu,
  janusCorePercentPerLearner: (cpu / seconds / perLearner.length) * 100,
  clientCpuSeconds: clientCpu,
  clientCorePercentPerLearner: (clientCpu / seconds / perLearner.length) * 100,
  teacherCpuSeconds: (own.user + own.system) / 1e6,
  perLearner,
}));

await Promise.all(processes.map(p => new Promise(resolve => { p.once('exit', resolve); p.send({ step: 'stop' }); })));
await teacher.stop();
process.exit(0); // libwebrtc's threads: exit without waiting for their teardown
