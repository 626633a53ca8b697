// The two endpoints only the report reads, beside the dashboard's (api.js): the data quality counts, and the runs
// behind the data, which only a manager is given (anyone else gets null, never a refusal that would ask for a password).
import { ApiError } from '../api.js';

async function getJson(url) {
    let response;
    try {
        response = await fetch(url, { headers: { Accept: 'application/json' } });
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

/** GET /api/v1/report-sources: the runs behind the served data and their files, for a manager; null for anyone else. */
export async function fetchRunsIfAllowed() {
    return (await getJson('/api/v1/report-sources')).runs;
}
