// Live events over Web PubSub (json.webpubsub.azure.v1): negotiate, connect, reconnect with backoff, and backfill
// from GET /api/events after every (re)connect so nothing published while away is missed.
import { api } from './api.js';

export function startLive({ onEvent, onStatus }) {
  const seen = new Set();
  let lastAt = null;
  let attempt = 0;
  let socket = null;
  let stopped = false;

  function deliver(e) {
    if (!e || !e.id || seen.has(e.id)) return;
    seen.add(e.id);
    if (seen.size > 5000) seen.delete(seen.values().next().value);
    if (!lastAt || e.at > lastAt) lastAt = e.at;
    onEvent(e);
  }

  async function backfill() {
    const query = lastAt ? `events?since=${encodeURIComponent(lastAt)}&limit=500` : 'events?limit=100';
    try {
      const { data } = await api(query);
      for (const e of data.items ?? []) deliver(e);
    } catch {
      // The next reconnect tries again.
    }
  }

  function schedule() {
    if (stopped) return;
    const delay = Math.min(30000, 500 * 2 ** Math.min(attempt++, 6));
    setTimeout(connect, delay);
  }

  async function connect() {
    if (stopped) return;
    onStatus('connecting');
    let url;
    try {
      ({ data: { url } } = await api('negotiate'));
    } catch (error) {
      onStatus('offline', error.message);
      await backfill();
      schedule();
      return;
    }
    socket = new WebSocket(url, 'json.webpubsub.azure.v1');
    socket.addEventListener('message', async (m) => {
      let message;
      try { message = JSON.parse(m.data); } catch { return; }
      if (message.type === 'system' && message.event === 'connected') {
        attempt = 0;
        onStatus('live');
        await backfill();
      } else if (message.type === 'message' && message.dataType === 'json') {
        deliver(message.data);
      }
    });
    socket.addEventListener('close', () => {
      socket = null;
      onStatus('reconnecting');
      schedule();
    });
  }

  backfill().then(connect);
  return {
    /** Drops the connection (as a network failure would); the client reconnects and backfills. */
    drop: () => socket?.close(),
    stop: () => { stopped = true; socket?.close(); },
  };
}
