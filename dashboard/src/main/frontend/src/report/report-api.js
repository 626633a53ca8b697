// The two endpoints only the report reads, beside the dashboard's (api.js): the data quality counts, and the run
// reports, which only a manager may read (a visitor's request is refused, and the report then shows less).
import { ApiError } from '../api.js';

async function getJson(url) {
    let response;
    try {
        // X-Requested-With: a refusal must not make the browser ask for a password
        response = await fetch(url, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    }
    catch {
        throw new ApiError(0, 'The server cannot be reached.');
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
        throw new ApiError(response.status, body?.error ?? `The server answered ${response.status}.`, body?.parameter);
    }
    return body;
}

/** GET /api/v1/data-quality: accepted and rejected rows per dataset, rejected rows per reason (counts only). */
export function fetchDataQuality() {
    return getJson('/api/v1/data-quality');
}

/** GET /api/v1/runs for a manager; null when the viewer may not read them (401, 403). */
export async function fetchRunsIfAllowed() {
    try {
        return await getJson('/api/v1/runs');
    }
    catch (error) {
        if (error.status === 401 || error.status === 403) {
            return null;
        }
        throw error;
    }
}
