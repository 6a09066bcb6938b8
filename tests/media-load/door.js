// What the teacher and each learner are given to join with: by Vape (`joinClassMedia`), or, for the baseline, a room
// and tokens made directly through Janus's admin API.
import { randomBytes, randomInt } from 'node:crypto';
import { JanusAdmin } from './janus.js';

const JOIN = 'mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token feed } }';

async function joinClassMedia(vape, bearer) {
  const response = await fetch(`${vape.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: JOIN, variables: { i: { sessionId: vape.session } } }),
  });
  const answer = await response.json();
  if (answer.errors) throw new Error(`joinClassMedia: ${JSON.stringify(answer.errors)}`);
  return answer.data.joinClassMedia;
}

export const learnerCount = run => (run.vape ? run.vape.learners.length : run.janus.learners);

// The teacher's entrance; `room` (the baseline's room, pin and feed) goes to the workers with it.
export async function teacherEntrance(run) {
  if (run.vape) return { given: await joinClassMedia(run.vape, run.vape.teacher) };
  const room = { room: randomInt(1, 2 ** 31), pin: randomBytes(8).toString('hex'), feed: randomInt(1, 2 ** 31) };
  const admin = new JanusAdmin(run.janus.admin, run.janus.secret);
  await admin.createRoom(room.room, room.pin);
  return { given: await baselineToken(admin, run, room), room };
}

async function baselineToken(admin, run, room) {
  const token = randomBytes(16).toString('hex');
  await admin.addToken(token);
  return { url: run.janus.url, token, ...room };
}

// Learner `i`'s entrance: its own `joinClassMedia`, or a token added to the baseline's room.
export function learnerEntrance(run, room) {
  if (run.vape) return i => {
    const learner = run.vape.learners[i]; // a bearer token (the class's own room), or { bearer, session } (a relay's)
    return typeof learner === 'string' ? joinClassMedia(run.vape, learner) : joinClassMedia({ ...run.vape, session: learner.session }, learner.bearer);
  };
  const admin = new JanusAdmin(run.janus.admin, run.janus.secret);
  return () => baselineToken(admin, run, room);
}
