// The Janus HTTP API as janus.js speaks it: a session, a VideoRoom handle, messages, and the session's long poll.
import { randomUUID } from 'node:crypto';

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ ...body, transaction: randomUUID() }) });
  return response.json();
}

// An event that answers a request (not a notice about other publishers).
const isAnswer = e => Boolean(e.jsep || e.plugindata.data.videoroom !== 'event' || e.plugindata.data.error_code || e.plugindata.data.started);

export class JanusSession {
  constructor(url, token) {
    this.url = url;
    this.token = token;
    this.waiting = new Map();
    this.closed = false;
  }

  async open() {
    const created = await post(this.url, { janus: 'create', token: this.token });
    if (created.janus !== 'success') throw new Error(`janus create: ${JSON.stringify(created)}`);
    this.id = created.data.id;
    this.poll();
    const attached = await post(`${this.url}/${this.id}`, { janus: 'attach', plugin: 'janus.plugin.videoroom', token: this.token });
    if (attached.janus !== 'success') throw new Error(`janus attach: ${JSON.stringify(attached)}`);
    this.handle = attached.data.id;
    return this;
  }

  // Sends a VideoRoom message and resolves with its event (plugin data and jsep), as the long poll brings it.
  async message(body, jsep) {
    const event = new Promise(resolve => this.waiting.set(this.handle, resolve));
    const ack = await post(`${this.url}/${this.id}/${this.handle}`, { janus: 'message', body, jsep, token: this.token });
    if (ack.janus === 'error') throw new Error(`janus message: ${JSON.stringify(ack)}`);
    const { plugindata, jsep: answer } = await event;
    if (plugindata.data.error_code) throw new Error(`videoroom ${body.request}: ${JSON.stringify(plugindata.data)}`);
    return { data: plugindata.data, jsep: answer };
  }

  // A request the VideoRoom answers at once (in the HTTP answer, not through the long poll).
  async request(body) {
    const answer = await post(`${this.url}/${this.id}/${this.handle}`, { janus: 'message', body, token: this.token });
    if (answer.janus !== 'success' || answer.plugindata.data.error_code) throw new Error(`videoroom ${body.request}: ${JSON.stringify(answer)}`);
    return answer.plugindata.data;
  }

  // A relay room's learner is not told the relayed teacher's id: it lists the room's publishers, as the web app does.
  async publisherIn(room, giveUpAt) {
    for (;;) {
      const { participants } = await this.request({ request: 'listparticipants', room });
      const publishing = participants.find(p => p.publisher);
      if (publishing) return publishing.id;
      if (Date.now() > giveUpAt) throw new Error(`room ${room}: no publisher`);
      await new Promise(r => setTimeout(r, 200));
    }
  }

  trickle(candidate) {
    return post(`${this.url}/${this.id}/${this.handle}`, { janus: 'trickle', candidate, token: this.token });
  }

  // The long poll keeps the session alive and delivers the plugin's events.
  async poll() {
    while (!this.closed) {
      try {
        const response = await fetch(`${this.url}/${this.id}?maxev=10&rid=${Date.now()}&token=${encodeURIComponent(this.token)}`);
        const events = [].concat(await response.json());
        for (const e of events) {
          if (e.janus !== 'event' || !e.plugindata) continue;
          const resolve = this.waiting.get(e.sender);
          if (resolve && isAnswer(e)) {
            this.waiting.delete(e.sender);
            resolve(e);
          }
        }
      } catch {
        // An empty or broken answer (a busy Janus closes some polls): poll again, as janus.js does.
        await new Promise(r => setTimeout(r, 200));
      }
    }
  }

  async close() {
    this.closed = true;
    await post(`${this.url}/${this.id}`, { janus: 'destroy', token: this.token }).catch(() => {});
  }
}

// The operator's side for the baseline: a room and tokens made directly through the admin API, no Vape.
export class JanusAdmin {
  constructor(url, secret) {
    this.url = url;
    this.secret = secret;
  }

  async call(body) {
    const answer = await post(this.url, { ...body, admin_secret: this.secret });
    if (answer.janus === 'error') throw new Error(`janus admin ${body.janus}: ${JSON.stringify(answer)}`);
    return answer;
  }

  addToken(token) {
    return this.call({ janus: 'add_token', token, plugins: ['janus.plugin.videoroom'] });
  }

  // The same room Vape makes (JanusAdmin.CreateRoomAsync), without its `allowed` list.
  async createRoom(room, pin) {
    const answer = await this.call({
      janus: 'message_plugin', plugin: 'janus.plugin.videoroom',
      request: { request: 'create', admin_key: this.secret, room, pin, publishers: 6, bitrate: 512000, fir_freq: 10, audiolevel_event: false, notify_joining: false },
    });
    if (answer.response.error_code) throw new Error(`create room: ${JSON.stringify(answer.response)}`);
  }
}
