// One client process: its share of the learners (load.js forks several so the client uses every core). It joins
// them, waits for their first frames, and answers load.js's messages: `window-start`, `window-end`, `stop`.
import { learnerEntrance } from './door.js';
import { subscribeCounting } from './counting.js';
import { subscribe } from './peers.js';

const inTurns = async (items, width, call) => {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) { const k = next++; results[k] = await call(items[k]); }
  }));
  return results;
};

process.once('disconnect', () => process.exit(1)); // load.js is gone: so are its learners

process.once('message', async ({ run, room, teacher, share, width }) => {
  const entrance = learnerEntrance(run, room);
  const learners = await inTurns(share, width, async ({ index, audioOnly, decodes }) => {
    const startedAt = Date.now();
    const given = await entrance(index);
    const tokenMs = Date.now() - startedAt;
    const join = decodes ? subscribe : subscribeCounting;
    const feed = given.url === teacher.url && given.room === teacher.room ? teacher.feed : null; // else a relay room
    return Object.assign(await join({ ...given, feed, audioOnly, startedAt }), { index, tokenMs, node: given.url });
  });
  const giveUp = Date.now() + (run.firstFrameSeconds ?? 60) * 1000;
  while (learners.some(l => !l.audioOnly && l.firstFrameMs === null) && Date.now() < giveUp) await new Promise(r => setTimeout(r, 100));

  let before, cpuBefore, startedAt;
  process.on('message', async ({ step }) => {
    if (step === 'window-start') {
      before = await Promise.all(learners.map(l => l.received()));
      cpuBefore = process.cpuUsage();
      startedAt = Date.now();
      process.send({ step });
    } else if (step === 'window-end') {
      const after = await Promise.all(learners.map(l => l.received()));
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = (Date.now() - startedAt) / 1000;
      const perLearner = learners.map((l, k) => ({
        index: l.index,
        audioOnly: l.audioOnly,
        decodes: l.decodes ?? true,
        node: l.node,
        tokenMs: l.tokenMs,
        firstFrameMs: l.firstFrameMs,
        videoPackets: after[k].videoPackets,
        audioPackets: after[k].audioPackets,
        framesDecoded: after[k].framesDecoded,
        keyframes: after[k].keyframes ?? null,
        bytesPerMinute: Math.round(((after[k].bytes - before[k].bytes) * 60) / seconds),
      }));
      process.send({ step, perLearner, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    } else if (step === 'stop') {
      await Promise.all(learners.map(l => l.stop()));
      process.exit(0); // libwebrtc's and libdatachannel's threads: exit without waiting for their teardown
    }
  });
  process.send({ step: 'joined' });
});
