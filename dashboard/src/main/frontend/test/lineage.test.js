// The "About this figure" panel and the report's last page: what they show of a lineage, in each language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileLabel, fileRows, lineageFacts, protectionText } from '../src/lineage.js';
import { setLanguage } from '../src/i18n.js';

globalThis.document = { documentElement: {} };

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const lineage = (extra) => ({
    indicator: { id: 'formalisation_rate', definition: 'coops_registered / coops_formed', kind: 'stock', unit: 'rate',
        numerator: 'count(*) filter (where is_registered)', denominator: 'count(*)' },
    snapshot: { id: 'S2', as_of: '2020-06-30' },
    runs: [{ run: 'S1', as_of: '2020-05-31' }, { run: 'S2', as_of: '2020-06-30' }],
    files: [{ dataset: 'members', file: 'members/a.csv', content_sha256: HASH, run: 'S1', rows_read: 1200, accepted: 1190, quarantined: 10 },
        { dataset: 'members', content_sha256: HASH, run: 'S2', rows_read: 3, accepted: null, quarantined: null }],
    reference_files: [{ name: 'targets.csv', sha256: HASH }],
    protection: { applied: true, k: 5, suppressed: false },
    ...extra,
});

test('a file is named for managers and shown by its hash to everyone else', () => {
    assert.equal(fileLabel({ file: 'members/a.csv', content_sha256: HASH }), 'members/a.csv');
    assert.equal(fileLabel({ content_sha256: HASH }), 'sha256:9f86d081884c…');
});

test('each file row gives its run and counts, a dash where the run report is gone', () => {
    setLanguage('en');
    assert.deepEqual(fileRows(lineage()), [['S1', 'members/a.csv', '1,200', '1,190', '10'], ['S2', 'sha256:9f86d081884c…', '3', '–', '–']]);
});

test('the facts hold the definition, date rule, snapshot, runs and protection in the page language', () => {
    setLanguage('en');
    const facts = new Map(lineageFacts(lineage()));
    assert.equal(facts.get('Definition'), 'coops_registered / coops_formed');
    assert.equal(facts.get('Date rule'), 'A stock: how things stand at the end of the as-of date');
    assert.equal(facts.get('Snapshot'), 'S2');
    assert.equal(facts.get('Ingest runs'), 'S1 (31 May 2020), S2 (30 June 2020)');
    assert.equal(facts.get('Reference files'), 'targets.csv sha256:9f86d081884c…');
    assert.equal(facts.get('Protection'), 'Counts of people rounded to multiples of 5 (nothing hidden)');
    setLanguage('fr');
    assert.equal(protectionText(lineage({ protection: { applied: false, k: 5 } })), 'Chiffres exacts (aucun arrondi)');
    assert.equal(new Map(lineageFacts(lineage())).get('Règle de date'), "Un stock : l'état à la fin de la date de référence");
    setLanguage('rw');
    assert.match(protectionText(lineage()), /5/);
});

test('a snapshot lineage has no definition, and old snapshots no reference files', () => {
    setLanguage('en');
    const facts = new Map(lineageFacts(lineage({ indicator: undefined, reference_files: [] })));
    assert.equal(facts.has('Definition'), false);
    assert.equal(facts.get('Reference files'), 'not recorded');
});
