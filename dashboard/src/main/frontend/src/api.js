// One function per endpoint of the JSON API (see shared/spec/interfaces.md).

/** An API error with the server's message and, for a 400 or 404, the parameter it names. */
export class ApiError extends Error {
    constructor(status, message, parameter) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.parameter = parameter ?? null;
    }
}

async function getJson(path, parameters = {}) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
        if (value !== undefined && value !== null && value !== '') {
            query.set(name, Array.isArray(value) ? value.join(',') : String(value));
        }
    }
    const url = query.size > 0 ? `${path}?${query}` : path;
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

/** GET /api/v1/indicators: the catalogue. */
export function fetchIndicators() {
    return getJson('/api/v1/indicators');
}

/**
 * GET /api/v1/indicators/{id}: one answer.
 * parameters: { by, as_of, from, to, grain, province, district, value_chain, sex, age_band, topic }.
 */
export function fetchIndicator(id, parameters = {}) {
    return getJson(`/api/v1/indicators/${encodeURIComponent(id)}`, parameters);
}

/** GET /api/v1/health: the status and the snapshot being served. */
export function fetchHealth() {
    return getJson('/api/v1/health');
}
