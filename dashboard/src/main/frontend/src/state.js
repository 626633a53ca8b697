// All view state lives in the URL's hash: '#/<page>[/<item>]?<parameters>'. A link reproduces the view;
// every change is a history entry, so back and forward work.

export const PAGES = ['overview', 'districts', 'district', 'value-chains', 'value-chain', 'explore', 'cooperatives', 'cooperative',
    'cooperative-list', 'runs', 'quarantine', 'sign-in', 'audit', 'targets'];

/** '#/district/Gasabo?indicator=x&compare=a,b' -> { page: 'district', item: 'Gasabo', params: { indicator: 'x', compare: 'a,b' } } */
export function parseHash(hash) {
    const text = hash.replace(/^#\/?/, '');
    const [path, query = ''] = text.split('?');
    const [page, ...rest] = path.split('/').map((part) => decodeURIComponent(part));
    const params = {};
    for (const [name, value] of new URLSearchParams(query)) {
        if (value !== '') {
            params[name] = value;
        }
    }
    return {
        page: PAGES.includes(page) ? page : 'overview',
        item: rest.length > 0 && rest[0] !== '' ? rest.join('/') : null,
        params,
    };
}

export function formatHash({ page, item, params }) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params ?? {})) {
        const text = Array.isArray(value) ? value.join(',') : value;
        if (text !== undefined && text !== null && text !== '') {
            query.set(name, String(text));
        }
    }
    const path = item ? `${page}/${encodeURIComponent(item)}` : page;
    const search = query.toString().replace(/%2C/g, ',');
    return `#/${path}${search ? `?${search}` : ''}`;
}

export function currentState() {
    return parseHash(window.location.hash);
}

/** Goes to a new view (a new history entry) unless it is the current one; the router renders on 'hashchange'. */
export function navigate(state) {
    const hash = formatHash(state);
    if (hash !== window.location.hash) {
        window.location.hash = hash;
    }
}

/** The current view with some parameters changed (null or '' removes one). */
export function withParams(state, changes) {
    const params = { ...state.params };
    for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
            delete params[name];
        }
        else {
            params[name] = Array.isArray(value) ? value.join(',') : value;
        }
    }
    return { ...state, params };
}

/** A comma-separated parameter as a list. */
export function listParam(params, name) {
    return params[name] ? params[name].split(',').filter((value) => value !== '') : [];
}
