// Every call the learning panel makes, in one small module, so the routes can follow the learning API as it settles.
// Documented routes: POST /api/learning/report-missed-attack (202 + status URL), GET /api/learning/reports/{id},
// GET /api/learning/patterns?status=PendingReview, POST /api/learning/patterns/{id}/{approve|reject|rollback}.
import { api } from './api.js';

export const routes = {
  report: 'learning/report-missed-attack',
  reportStatus: (id) => `learning/reports/${encodeURIComponent(id)}`,
  pending: 'learning/patterns?status=PendingReview',
  review: (id, action) => `learning/patterns/${encodeURIComponent(id)}/${action}`,
};

/** Reports a miss; answers {reportId, statusPath}. */
export async function reportMiss({ message, actualThreatType, severity }) {
  const { data, response } = await api(routes.report, {
    method: 'POST',
    body: { message, reported_by: 'dashboard', actual_threat_type: actualThreatType || null, severity },
    promptOn401: false,
  });
  const reportId = data?.reportId ?? data?.id ?? data?.instanceId;
  const statusUrl = data?.statusUrl ?? data?.statusQueryGetUri ?? response.headers.get('Location');
  return { reportId, statusPath: statusUrl ? toApiPath(statusUrl) : routes.reportStatus(reportId) };
}

export async function reportStatus(statusPath) {
  const { data } = await api(statusPath, { promptOn401: false });
  return data;
}

export async function pendingPatterns() {
  const { data } = await api(routes.pending, { promptOn401: false });
  return Array.isArray(data) ? data : (data?.items ?? data?.patterns ?? []);
}

export async function reviewPattern(id, action) {
  const { data } = await api(routes.review(id, action), { method: 'POST', body: {}, promptOn401: false });
  return data;
}

/** "https://host/api/learning/reports/x" or "/api/learning/reports/x" -> "learning/reports/x". */
function toApiPath(url) {
  const at = url.indexOf('/api/');
  return at >= 0 ? url.slice(at + 5) : url.replace(/^\/+/, '');
}
