// The API client: one place that knows the base URL, the X-Api-Key header and problem+json errors.
const KEY = 'soc.apiKey';
let base = '';
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.body = body;
  }
}

/** Reads /config.json (optional): {"apiBase": "https://<function app>"} when the API is not on the same origin. */
export async function loadConfig() {
  try {
    const response = await fetch('/config.json', { cache: 'no-cache' });
    if (response.ok) {
      const config = await response.json();
      base = String(config.apiBase ?? '').replace(/\/+$/, '');
    }
  } catch {
    base = '';
  }
}

export const apiKey = () => sessionStorage.getItem(KEY);
export const setApiKey = (key) => sessionStorage.setItem(KEY, key);
export const whenUnauthorized = (callback) => { onUnauthorized = callback; };

export async function api(path, { method = 'GET', body, promptOn401 = true } = {}) {
  const headers = { Accept: 'application/json', 'X-Api-Key': apiKey() ?? '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    if (response.status === 401 && promptOn401) onUnauthorized();
    throw new ApiError(response.status, data?.title, data?.detail, data);
  }
  return { data, response };
}

/** A message a person can act on, for a feature that may not exist on this server yet. */
export function describe(error, feature) {
  if (error instanceof ApiError) {
    if (error.status === 404 || error.status === 405) return `${feature} is not available on this server yet (HTTP ${error.status}).`;
    if (error.status === 401) return `${feature}: the API key was refused (401). ${error.detail ?? ''}`.trim();
    if (error.status === 503) return `${feature} is not configured on this server: ${error.detail ?? error.title ?? ''}`.trim();
    const fields = error.body?.errors ? ' ' + Object.entries(error.body.errors).map(([k, v]) => `${k}: ${[].concat(v).join(' ')}`).join('; ') : '';
    return `${feature} failed (HTTP ${error.status}): ${error.detail ?? error.title ?? ''}${fields}`.trim();
  }
  return `${feature} failed: ${error?.message ?? error}`;
}
