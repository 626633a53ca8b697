// The targets page's form: which cells become targets, and which cell a 400 names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES } from '../src/i18n.js';

globalThis.document = { documentElement: {} };
const { cellId, cellOfParameter, collectTargets } = await import('../src/pages/targets.js');

test('an empty cell is no target; a number goes as a number, anything else as typed for the server to name', () => {
    const { targets, cellIds } = collectTargets([
        { target: 'coops_formed', district_code: '11', text: '29' },
        { target: 'coops_formed', district_code: '12', text: ' ' },
        { target: 'coops_formed', district_code: '13', text: '2.5' },
        { target: 'coops_registered', district_code: null, text: '214' },
        { target: 'training_sessions', district_code: '11', text: 'three' },
    ]);
    assert.deepEqual(targets, [
        { target: 'coops_formed', district: '11', value: 29 },
        { target: 'coops_formed', district: '13', value: 2.5 },
        { target: 'coops_registered', district: null, value: 214 },
        { target: 'training_sessions', district: '11', value: 'three' },
    ]);
    assert.deepEqual(cellIds, ['target-coops_formed-11', 'target-coops_formed-13', 'target-coops_registered-programme', 'target-training_sessions-11']);
});

test('a 400 naming targets[i] marks the cell of the i-th target sent', () => {
    const cellIds = [cellId('coops_formed', '11'), cellId('coops_registered', null)];
    assert.equal(cellOfParameter('targets[1].value', cellIds), 'target-coops_registered-programme');
    assert.equal(cellOfParameter('targets[0]', cellIds), 'target-coops_formed-11');
    assert.equal(cellOfParameter('targets[7].value', cellIds), null);
    assert.equal(cellOfParameter('targets', cellIds), null);
    assert.equal(cellOfParameter(null, cellIds), null);
});

test('every language names the page, the three targets and the audit entry', () => {
    for (const [language, dictionary] of Object.entries(LANGUAGES)) {
        assert.equal(typeof dictionary.nav.targets, 'string', language);
        assert.equal(typeof dictionary.audit.actions['targets-edited'], 'string', language);
        assert.deepEqual(Object.keys(dictionary.targets.names), ['coops_formed', 'training_sessions', 'coops_registered'], language);
        assert.deepEqual(Object.keys(dictionary.targets).sort(), Object.keys(LANGUAGES.en.targets).sort(), language);
    }
});
