// The runs and quarantine pages' texts: the reconciliation line, every quarantine reason in plain words in each
// language, and the one function that sends state-changing requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, createApi, quarantineCsvUrl } from '../src/api.js';
import { LANGUAGES, setLanguage } from '../src/i18n.js';

globalThis.document = { documentElement: {} };
const { reconciliation, rejectedFile, REJECTED_FILE_CODES } = await import('../src/pages/runs.js');
const { reasonText } = await import('../src/reasons.js');

// the reason families of docs/data-contract.md (layout QuarantineReason)
const REASONS = ['malformed_row', 'missing_required', 'invalid_date', 'invalid_value', 'unknown_district', 'unknown_value_chain',
    'unknown_topic', 'date_in_future', 'date_order', 'unknown_cooperative', 'rejected_in_review'];

test('a file reconciles when read = accepted + quarantined', () => {
    setLanguage('en');
    assert.deepEqual(reconciliation({ rows_read: 17, valid_rows: 16, quarantined: 1 }),
        { holds: true, text: 'read 17 = accepted 16 + quarantined 1' });
    assert.equal(reconciliation({ rows_read: 17, valid_rows: 15, quarantined: 1 }).holds, false);
    setLanguage('fr');
    assert.equal(reconciliation({ rows_read: 3, valid_rows: 2, quarantined: 1 }).text, 'lues 3 = acceptées 2 + en quarantaine 1');
});

test('a rejected file reads as its file, its reason in words and what to do, in every language', () => {
    setLanguage('en');
    assert.deepEqual(rejectedFile({ file: 'trainings/b.zip', reason: 'corrupt_export', message: 'its entry a.csv breaks off after line 12 (...)' }), {
        file: 'trainings/b.zip', code: 'corrupt_export', reason: "a field tool's export that is damaged or incomplete",
        todo: 'export it again from the tool and upload it again', detail: 'its entry a.csv breaks off after line 12 (...)',
    });
    setLanguage('fr');
    assert.equal(rejectedFile({ file: 'a.csv', reason: 'not_utf8' }).todo, 'enregistrez-le en CSV UTF-8 (dans Excel : Enregistrer sous, « CSV UTF-8 »)');
    // a code this page does not know yet still shows, as rejected
    assert.equal(rejectedFile({ file: 'a.csv', reason: 'from_the_future', message: 'm' }).reason, 'rejeté');
    for (const language of Object.keys(LANGUAGES)) {
        setLanguage(language);
        for (const code of REJECTED_FILE_CODES) {
            const entry = rejectedFile({ file: 'f', reason: code, message: 'm' });
            for (const text of [entry.reason, entry.todo]) {
                assert.equal(typeof text, 'string', `${language} ${code}`);
                assert.ok(text.length > 3 && !text.startsWith('programme.'), `${language} ${code}: ${text}`);
            }
        }
    }
    setLanguage('en');
});

test('every reason has a sentence in every language, naming the column when it is about one', () => {
    for (const language of Object.keys(LANGUAGES)) {
        for (const reason of REASONS) {
            assert.equal(typeof LANGUAGES[language].reasons?.[reason], 'string', `${language} ${reason}`);
        }
        setLanguage(language);
        assert.match(reasonText('invalid_date:joined_on'), /joined_on/, language);
        assert.doesNotMatch(reasonText('unknown_district'), /\{column\}/, language);
    }
    setLanguage('en');
    assert.equal(reasonText('unknown_district'), 'The district is not one of the 30 districts.');
    assert.equal(reasonText('missing_required:formed_on'), 'The required column formed_on is missing or empty.');
    assert.equal(reasonText('some_new_reason'), 'some_new_reason');
});

test('send posts the body, answers the JSON, and turns an error answer into an ApiError with the server\'s message', async () => {
    const calls = [];
    const api = createApi(async (url, init) => {
        calls.push({ url, init });
        return url === '/ok'
            ? { ok: true, status: 202, json: async () => ({ run: { id: 'r1' } }) }
            : { ok: false, status: 413, json: async () => ({ error: 'Too large.' }) };
    });
    assert.deepEqual(await api.send('POST', '/ok', { a: 1 }), { run: { id: 'r1' } });
    assert.equal(calls[0].init.method, 'POST');
    assert.equal(calls[0].init.body, '{"a":1}');
    assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
    await assert.rejects(api.send('POST', '/big'), (error) => error instanceof ApiError && error.status === 413 && error.message === 'Too large.');
    assert.equal(calls[1].init.body, undefined);
    assert.equal(quarantineCsvUrl({ dataset: 'members', reason: '' }), '/api/v1/quarantine/export.csv?dataset=members');
    // a file name is one query value, its slash and spaces escaped (+ is a space in a query)
    assert.equal(quarantineCsvUrl({ dataset: 'members', file: 'members/members 2020.csv', reason: '' }),
        '/api/v1/quarantine/export.csv?dataset=members&file=members%2Fmembers+2020.csv');
});
