// The privacy texts take k from the reference data, in every language; without k they name no number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES, privacyText, setLanguage } from '../src/i18n.js';
import { setReference, smallCellThreshold } from '../src/reference.js';

globalThis.document = { documentElement: {} };

const reference = (extra) => ({ provinces: [], value_chains: [], topics: [], sexes: [], age_bands: [], targets: [], ...extra });
const NAMES = ['short_explanation', 'explanation', 'footer'];

test('with k from the API, each language states that number', () => {
    setReference(reference({ small_cell_threshold: 3 }));
    assert.equal(smallCellThreshold(), 3);
    setLanguage('en');
    assert.equal(privacyText('short_explanation'), 'A count of people rounded to a multiple of 3 to protect privacy');
    assert.match(privacyText('explanation'), /rounded to a multiple of 3 here: each smallest group/);
    assert.equal(privacyText('footer'), 'Counts of people are rounded to multiples of 3 to protect privacy.');
    setLanguage('fr');
    assert.equal(privacyText('footer'), 'Les nombres de personnes sont arrondis à des multiples de 3 pour protéger la vie privée.');
    setLanguage('rw');
    assert.equal(privacyText('footer'), "Imibare y'abantu yegerejwe ku mibare igabanywa na 3 kubera ibanga.");
});

test('without k (or with a value that is not a positive whole number) no number is printed', () => {
    for (const extra of [{}, { small_cell_threshold: null }, { small_cell_threshold: '5' }, { small_cell_threshold: 0 }, { small_cell_threshold: 2.5 }]) {
        setReference(reference(extra));
        assert.equal(smallCellThreshold(), null, JSON.stringify(extra));
        for (const language of Object.keys(LANGUAGES)) {
            setLanguage(language);
            for (const name of NAMES) {
                const text = privacyText(name);
                assert.doesNotMatch(text, /\d|\{k\}/, `${language} ${name}: ${text}`);
                assert.ok(text.length > 20, `${language} ${name} has a text`);
            }
        }
    }
    setLanguage('en');
    assert.equal(privacyText('short_explanation'), 'A count of people rounded to protect privacy');
});

test('every language has each privacy text with the {k} placeholder and no hard-coded number', () => {
    for (const [language, dictionary] of Object.entries(LANGUAGES)) {
        for (const name of NAMES) {
            const text = dictionary.suppression[name];
            assert.match(text, /\{k\}/, `${language} ${name}`);
            assert.doesNotMatch(text.replace('{k}', ''), /\d/, `${language} ${name}`);
            assert.equal(typeof dictionary.suppression[`${name}_unnumbered`], 'string', `${language} ${name}_unnumbered`);
        }
        assert.doesNotMatch(dictionary.shell.footer, /\d/, `${language} shell.footer`);
    }
});
