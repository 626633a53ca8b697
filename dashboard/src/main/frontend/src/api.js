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

/**
 * The API's endpoints over a fetch function (the browser's, or a fake in the unit tests). Answers are cached per
 * URL for the life of the client: a snapshot switch reloads the page (see app.js); a failed request is not cached.
 */
export function createApi(fetchFunction) {
    const answers = new Map();

    async function getJson(url) {
        let response;
        try {
            response = await fetchFunction(url, { headers: { Accept: 'application/json' } });
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

    /**
     * Every state-changing request of the page goes through here (one place for the headers such requests need).
     * body: a FormData (multipart) or a value sent as JSON; the answer's JSON, or an ApiError.
     */
    async function send(method, url, body) {
        const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
        if (body instanceof FormData) {
            init.body = body;
        }
        else if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        let response;
        try {
            response = await fetchFunction(url, init);
        }
        catch {
            throw new ApiError(0, 'The server cannot be reached.');
        }
        const answer = await response.json().catch(() => null);
        if (!response.ok) {
            throw new ApiError(response.status, answer?.error ?? `The server answered ${response.status}.`, answer?.parameter);
        }
        return answer;
    }

    return {
        send,
        /** GET /api/v1/run-queue: the runs the dashboard queued, newest first (never cached: it changes while a run runs). */
        fetchRunQueue: () => getJson('/api/v1/run-queue'),
        /** GET /api/v1/runs: the published runs' reports. */
        fetchRunReports: () => getJson('/api/v1/runs'),
        /** GET /api/v1/quarantine: a page of the rejected rows (admins; never cached). */
        fetchQuarantine: (parameters = {}) => getJson(`/api/v1/quarantine${queryString(parameters)}`),
        /** POST /api/v1/uploads: field files (FormData with file, mapping, dataset). */
        upload: (form) => send('POST', '/api/v1/uploads', form),
        /** POST /api/v1/run-queue: run now. */
        runNow: () => send('POST', '/api/v1/run-queue'),
        /** GET /api/v1/reference: provinces and districts, value chains, topics, sexes, age bands, targets and the small-cell threshold. */
        fetchReference: () => cached('/api/v1/reference'),
        /** GET /api/v1/indicators: the catalogue. */
        fetchIndicators: () => cached('/api/v1/indicators'),
        /**
         * GET /api/v1/indicators/{id}: one answer.
         * parameters: { by, as_of, from, to, grain, province, district, value_chain, sex, age_band, topic }.
         */
        fetchIndicator: (id, parameters = {}) => cached(indicatorUrl(id, parameters)),
        /** GET /api/v1/health: the status and the snapshot being served (never cached: it tells when the data changed). */
        fetchHealth: () => getJson('/api/v1/health'),
    };
}

// the page's client: the browser's fetch, looked up at call time
const browserApi = createApi((url, init) => globalThis.fetch(url, init));

export const { fetchReference, fetchIndicators, fetchIndicator, fetchHealth, send, fetchRunQueue, fetchRunReports, fetchQuarantine, upload, runNow } = browserApi;

/** GET /api/v1/quarantine/export.csv: the link that downloads a dataset's rows to correct. */
export function quarantineCsvUrl(parameters = {}) {
    return `/api/v1/quarantine/export.csv${queryString(parameters)}`;
}
