// The API client over a hand-written fake fetch: URLs, caching, and errors turned into ApiError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, createApi, exportUrl, indicatorUrl, queryString } from '../src/api.js';

/** A fetch that answers from a table of URL -> { status, body } and records every URL it was asked for. */
function fakeFetch(answers) {
    const calls = [];
    const fetch = async (url, init) => {
        calls.push({ url, accept: init?.headers?.Accept });
        const answer = answers[url];
        if (answer === undefined) {
            throw new TypeError('Failed to fetch');
        }
        return {
            ok: answer.status >= 200 && answer.status < 300,
            status: answer.status,
            json: async () => (typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body),
        };
    };
    return { fetch, calls };
}

test('query strings sort the keys, join lists with bare commas and leave out empty values', () => {
    assert.equal(queryString({ to: '2020-06-30', by: ['province', 'district'], as_of: '', sex: null, grain: undefined }),
        '?by=province,district&to=2020-06-30');
    assert.equal(queryString({}), '');
    assert.equal(queryString({ province: 'Kigali City' }), '?province=Kigali+City');
});

test('indicator and export URLs encode the indicator and carry the same query', () => {
    assert.equal(indicatorUrl('coops_formed', { by: 'district', as_of: '2020-06-30' }), '/api/v1/indicators/coops_formed?as_of=2020-06-30&by=district');
    assert.equal(exportUrl('a/b', 'csv', { district: 'Gasabo' }), '/api/v1/export/a%2Fb.csv?district=Gasabo');
});

test('an indicator answer is fetched once per URL and then served from the cache', async () => {
    const body = { indicator: 'coops_formed', rows: [{ value: 150 }] };
    const { fetch, calls } = fakeFetch({ '/api/v1/indicators/coops_formed?by=province': { status: 200, body } });
    const api = createApi(fetch);
    const first = await api.fetchIndicator('coops_formed', { by: 'province' });
    const second = await api.fetchIndicator('coops_formed', { by: ['province'] });
    assert.equal(first.rows[0].value, 150);
    assert.equal(second, first);
    assert.deepEqual(calls, [{ url: '/api/v1/indicators/coops_formed?by=province', accept: 'application/json' }]);
});

test('health is asked for every time: it tells when the data changed', async () => {
    const { fetch, calls } = fakeFetch({ '/api/v1/health': { status: 200, body: { status: 'up', snapshot: 's1' } } });
    const api = createApi(fetch);
    await api.fetchHealth();
    await api.fetchHealth();
    assert.equal(calls.length, 2);
});

test('a 400 becomes an ApiError with the server message and parameter, and is not cached', async () => {
    const url = '/api/v1/indicators/coops_formed?as_of=2020-13-01';
    const answers = { [url]: { status: 400, body: { error: 'as_of is not a date: 2020-13-01', parameter: 'as_of' } } };
    const { fetch, calls } = fakeFetch(answers);
    const api = createApi(fetch);
    await assert.rejects(api.fetchIndicator('coops_formed', { as_of: '2020-13-01' }), (error) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 400);
        assert.equal(error.message, 'as_of is not a date: 2020-13-01');
        assert.equal(error.parameter, 'as_of');
        return true;
    });
    answers[url] = { status: 200, body: { rows: [] } };
    assert.deepEqual(await api.fetchIndicator('coops_formed', { as_of: '2020-13-01' }), { rows: [] });
    assert.equal(calls.length, 2);
});

test('an error answer without a JSON body names the status', async () => {
    const { fetch } = fakeFetch({ '/api/v1/indicators': { status: 503, body: 'not json' } });
    await assert.rejects(createApi(fetch).fetchIndicators(), { name: 'ApiError', status: 503, message: 'The server answered 503.', parameter: null });
});

test('a network failure becomes an ApiError with status 0', async () => {
    const { fetch } = fakeFetch({});
    await assert.rejects(createApi(fetch).fetchReference(), { name: 'ApiError', status: 0, message: 'The server cannot be reached.' });
});

test('two clients do not share a cache', async () => {
    const { fetch, calls } = fakeFetch({ '/api/v1/reference': { status: 200, body: { provinces: [] } } });
    await createApi(fetch).fetchReference();
    await createApi(fetch).fetchReference();
    assert.equal(calls.length, 2);
});

/** A fetch that records every request in full and answers each from a list, in order. */
function recordingFetch(...answers) {
    const requests = [];
    const fetch = async (url, init) => {
        requests.push({ url, ...init });
        const answer = answers.shift();
        return {
            ok: answer.status >= 200 && answer.status < 300,
            status: answer.status,
            headers: new Map(Object.entries(answer.headers ?? {})),
            json: async () => answer.body,
        };
    };
    return { fetch, requests };
}

test('send adds the CSRF token of the session it last heard of, and none before', async () => {
    const session = { user: 'maria', roles: ['manager'], view: 'unsuppressed', csrf_token: 'tok-1' };
    const { fetch, requests } = recordingFetch({ status: 200, body: { ok: true } }, { status: 200, body: session },
        { status: 200, body: {} }, { status: 200, body: { ...session, user: null, csrf_token: null } }, { status: 200, body: null });
    const api = createApi(fetch);

    await api.send('POST', '/api/v1/somewhere', { a: 1 });
    await api.signIn('maria', 'secret');
    const form = new FormData();
    form.append('file', 'x');
    await api.send('POST', '/api/v1/uploads', form);
    await api.signOut();
    await api.send('DELETE', '/api/v1/other');

    assert.equal(requests[0].headers['X-CSRF-Token'], undefined);
    assert.equal(requests[0].body, '{"a":1}');
    assert.equal(requests[0].headers['Content-Type'], 'application/json');
    assert.deepEqual(JSON.parse(requests[1].body), { user: 'maria', password: 'secret' });
    assert.equal(requests[1].method, 'POST');
    assert.equal(requests[2].headers['X-CSRF-Token'], 'tok-1');
    assert.equal(requests[2].body, form, 'a form goes as it is');
    assert.equal(requests[2].headers['Content-Type'], undefined, 'the browser sets the multipart boundary');
    assert.equal(requests[3].method, 'DELETE');
    assert.equal(requests[3].headers['X-CSRF-Token'], 'tok-1');
    assert.equal(requests[4].headers['X-CSRF-Token'], undefined, 'signed out: no token');
});

test('a refused change is an ApiError with the message and, when locked, the seconds to wait', async () => {
    const { fetch } = recordingFetch({ status: 429, headers: { 'Retry-After': '30' }, body: { error: 'Too many failed sign-ins: try again in 30 s.' } });
    const api = createApi(fetch);

    await assert.rejects(api.signIn('maria', 'guess'), (error) => error instanceof ApiError && error.status === 429
        && error.retryAfter === 30 && error.message === 'Too many failed sign-ins: try again in 30 s.');
});
