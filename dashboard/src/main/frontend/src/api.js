// One function per endpoint of the JSON API (see docs/interfaces.md).
//
// Changes (POST, PUT, PATCH, DELETE) go through ONE function, `send(method, url, body)`: it adds the session's CSRF
// token (header X-CSRF-Token, learnt from GET /api/v1/session at start and at sign-in), without which the server
// refuses with 403 any change signed by the session cookie. Never call fetch() yourself for a change.
//   send('POST', '/api/v1/uploads', formData)   a FormData goes as multipart/form-data (the browser sets the boundary)
//   send('DELETE', '/api/v1/session')           no body
//   send('POST', url, { some: 'json' })         any other body goes as JSON
// It resolves to the answer's JSON (null when there is none) and rejects with an ApiError (status, message,
// parameter, retryAfter in seconds for a 429).

/** An API error with the server's message and, for a 400 or 404, the parameter it names; for a 429 the seconds to wait. */
export class ApiError extends Error {
    constructor(status, message, parameter, retryAfter) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.parameter = parameter ?? null;
        this.retryAfter = retryAfter ?? null;
    }
}

/** Who a visitor is before any sign-in. */
export const ANONYMOUS = Object.freeze({ user: null, roles: [], view: 'public', csrf_token: null });

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

    let csrfToken = null;

    /** The one way to change something on the server (see the top of this file). */
    async function send(method, url, body) {
        const headers = { Accept: 'application/json' };
        if (csrfToken) {
            headers['X-CSRF-Token'] = csrfToken;
        }
        let payload;
        if (body instanceof FormDataType()) {
            payload = body;
        }
        else if (body !== undefined && body !== null) {
            headers['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
        let response;
        try {
            response = await fetchFunction(url, { method, headers, body: payload, credentials: 'same-origin' });
        }
        catch {
            throw new ApiError(0, 'The server cannot be reached.');
        }
        const answer = await response.json().catch(() => null);
        if (!response.ok) {
            const retryAfter = Number.parseInt(response.headers?.get?.('Retry-After') ?? '', 10);
            throw new ApiError(response.status, answer?.error ?? `The server answered ${response.status}.`, answer?.parameter,
                Number.isFinite(retryAfter) ? retryAfter : null);
        }
        return answer;
    }

    /** Keeps the CSRF token of the session the server describes. */
    function remember(session) {
        csrfToken = session?.csrf_token ?? null;
        return session;
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
        /** GET /api/v1/targets: the targets the next run loads, where they come from, whether they are served (managers; never cached). */
        fetchTargets: () => getJson('/api/v1/targets'),
        /** PUT /api/v1/targets: replaces the targets from the next run (admins): [{ target, district, value }]. */
        saveTargets: (targets) => send('PUT', '/api/v1/targets', { targets }),
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
        /** GET /api/v1/cooperative-list: the cooperatives behind a cell (managers; a 401 or 403 for anyone else). */
        fetchCooperativeList: (parameters = {}) => getJson(cooperativeListUrl(parameters)),
        /**
         * GET /api/v1/data-quality?from=&to=: accepted and rejected rows per dataset and reason, and per dataset and district
         * in the period (counts only; the report).
         */
        fetchDataQuality: ({ from, to } = {}) => getJson(`/api/v1/data-quality${queryString({ from, to })}`),
        /** GET /api/v1/lineage: what built the served snapshot (runs, files, reference files); file names for managers only. */
        fetchLineage: () => getJson('/api/v1/lineage'),
        /** GET /api/v1/health: the status and the snapshot being served (never cached: it tells when the data changed). */
        fetchHealth: () => getJson('/api/v1/health'),
        /** GET /api/v1/session: who is signed in ({ user, roles, view, csrf_token }); keeps the CSRF token for send. */
        fetchSession: async () => remember(await getJson('/api/v1/session')),
        /** POST /api/v1/session: signs in through the form (the server sets the session cookie). */
        signIn: async (user, password) => remember(await send('POST', '/api/v1/session', { user, password })),
        /** DELETE /api/v1/session: signs out. */
        signOut: async () => remember(await send('DELETE', '/api/v1/session')),
        /** GET /api/v1/audit: the newest entries of the audit log (admins). */
        fetchAudit: (limit = 200) => getJson(`/api/v1/audit${queryString({ limit })}`),
        send,
    };
}

/** FormData where the environment has it (browsers, node 18+); a class nothing is an instance of elsewhere. */
function FormDataType() {
    return globalThis.FormData ?? class {};
}

// the page's client: the browser's fetch, looked up at call time
const browserApi = createApi((url, init) => globalThis.fetch(url, init));

export const {
    fetchReference, fetchIndicators, fetchIndicator, fetchHealth, fetchSession, signIn, signOut, fetchAudit, send,
    fetchRunQueue, fetchRunReports, fetchQuarantine, upload, runNow, fetchTargets, saveTargets,
    searchCooperatives, fetchCooperative, fetchCooperativeList, fetchDataQuality, fetchLineage,
} = browserApi;

/** GET /api/v1/quarantine/export.csv: the link that downloads a dataset's rows to correct. */
export function quarantineCsvUrl(parameters = {}) {
    return `/api/v1/quarantine/export.csv${queryString(parameters)}`;
}
