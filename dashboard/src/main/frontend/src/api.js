// One function per endpoint of the JSON API (see docs/interfaces.md).

/** An API error with the server's message and, for a 400 or 404, the parameter it names. */
export class ApiError extends Error {
    constructor(status, message, parameter) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.parameter = parameter ?? null;
    }
}

/** The query string of an indicator request: empty values left out, lists comma-separated, keys sorted. */
export function queryString(parameters = {}) {
    const query = new URLSearchParams();
    for (const name of Object.keys(parameters).sort()) {
        const value = parameters[name];
        const text = Array.isArray(value) ? value.join(',') : value;
        if (text !== undefined && text !== null && text !== '') {
            query.set(name, String(text));
        }
    }
    const text = query.toString().replace(/%2C/g, ',');
    return text ? `?${text}` : '';
}

export function indicatorUrl(id, parameters = {}) {
    return `/api/v1/indicators/${encodeURIComponent(id)}${queryString(parameters)}`;
}

/** GET /api/v1/export/{id}.{csv|json|parquet|zip}: the same query as a file. */
export function exportUrl(id, format, parameters = {}) {
    return `/api/v1/export/${encodeURIComponent(id)}.${format}${queryString(parameters)}`;
}

/** GET /api/v1/cooperative-list{.csv}: the cooperatives behind a cell (managers). */
export function cooperativeListUrl(parameters = {}, format = null) {
    return `/api/v1/cooperative-list${format ? `.${format}` : ''}${queryString(parameters)}`;
}

/**
 * The API's endpoints over a fetch function (the browser's, or a fake in the unit tests). Answers are cached per
 * URL for the life of the client: a snapshot switch reloads the page (see app.js); a failed request is not cached.
 */
export function createApi(fetchFunction) {
    const answers = new Map();

    async function getJson(url, credentials = null) {
        let response;
        try {
            response = await fetchFunction(url, { headers: { Accept: 'application/json' }, ...(credentials ? { credentials } : {}) });
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

    function cached(url) {
        if (!answers.has(url)) {
            const answer = getJson(url);
            answers.set(url, answer);
            answer.catch(() => answers.delete(url));
        }
        return answers.get(url);
    }

    return {
        /** GET /api/v1/reference: provinces and districts, value chains, topics, sexes, age bands, targets and the small-cell threshold. */
        fetchReference: () => cached('/api/v1/reference'),
        /** GET /api/v1/indicators: the catalogue. */
        fetchIndicators: () => cached('/api/v1/indicators'),
        /**
         * GET /api/v1/indicators/{id}: one answer.
         * parameters: { by, as_of, from, to, grain, province, district, value_chain, sex, age_band, topic }.
         */
        fetchIndicator: (id, parameters = {}) => cached(indicatorUrl(id, parameters)),
        /** GET /api/v1/cooperatives?q=&limit=: cooperatives whose id or name contains q. */
        searchCooperatives: (q, limit = 20) => cached(`/api/v1/cooperatives${queryString({ q, limit })}`),
        /** GET /api/v1/cooperatives/{id}: one cooperative's story (its people counts for managers only). */
        fetchCooperative: (id) => cached(`/api/v1/cooperatives/${encodeURIComponent(id)}`),
        /**
         * GET /api/v1/cooperative-list: the cooperatives behind a cell (managers; a 401 or 403 for anyone else). Without
         * signIn the browser sends no stored credentials, so that a visitor gets the 401 rather than the browser's
         * sign-in prompt; with signIn it sends them (and prompts for them when it has none).
         */
        fetchCooperativeList: (parameters = {}, { signIn = false } = {}) => getJson(cooperativeListUrl(parameters), signIn ? 'same-origin' : 'omit'),
        /** GET /api/v1/health: the status and the snapshot being served (never cached: it tells when the data changed). */
        fetchHealth: () => getJson('/api/v1/health'),
    };
}

// the page's client: the browser's fetch, looked up at call time
const browserApi = createApi((url, init) => globalThis.fetch(url, init));

export const { fetchReference, fetchIndicators, fetchIndicator, fetchHealth, searchCooperatives, fetchCooperative, fetchCooperativeList } = browserApi;
