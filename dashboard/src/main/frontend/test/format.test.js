// Numbers and dates as each language writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, formatDate, formatInteger, formatPercent, formatPrecisePercent, formatValue, parseIsoDate } from '../src/format.js';
import { LANGUAGES, periodLabel, setLanguage } from '../src/i18n.js';

// setLanguage sets <html lang>: a stand-in for the one element it touches
globalThis.document = { documentElement: {} };

test('rates are whole percentages, or with one decimal when precise; missing values are a dash', () => {
    setLanguage('en');
    assert.equal(formatPercent(0.1724), '17%');
    assert.equal(formatPrecisePercent(0.6), '60.0%');
    assert.equal(formatValue(2 / 3, 'rate', true), '66.7%');
    assert.equal(formatPercent(null), '–');
    assert.equal(formatPercent(Number.NaN), '–');
    assert.equal(formatValue(undefined, 'days'), '–');
});

test('counts are grouped by thousands and days carry their unit', () => {
    setLanguage('en');
    assert.equal(formatInteger(12345), '12,345');
    assert.equal(formatValue(12.34, 'days'), '12.3 days');
    assert.equal(formatValue(7, 'count'), '7');
});

test('French writes numbers and dates its own way', () => {
    setLanguage('fr');
    // a no-break space before %: U+00A0 or U+202F depending on the ICU data
    assert.match(formatPrecisePercent(0.6), /^60,0[\u00a0\u202f]%$/);
    assert.equal(formatDate('2020-06-30'), '30 juin 2020');
    setLanguage('en');
    assert.equal(formatDate('2020-06-30'), '30 June 2020');
});

test('a calendar date does not move with the time zone, and a missing date is a dash', () => {
    setLanguage('en');
    assert.equal(formatDate('2020-01-01'), '1 January 2020');
    assert.equal(formatDate('2020-12-31'), '31 December 2020');
    assert.equal(formatDate(null), '–');
});

test('HTML special characters are escaped', () => {
    assert.equal(escapeHtml('<a href="x">Tom & Jerry\'s</a>'), '&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;');
});

test('Kinyarwanda dates use the Kinyarwanda month names (Intl would write English)', () => {
    setLanguage('rw');
    assert.equal(formatDate('2020-06-30'), '30 Kamena 2020');
    assert.equal(formatDate('2020-12-31'), '31 Ukuboza 2020');
    assert.equal(formatDate('2021-01-05'), '5 Mutarama 2021');
    assert.equal(periodLabel('2019-03'), 'wer. 2019');
    assert.equal(periodLabel('2019-Q1'), 'Igihembwe 1 2019');
    setLanguage('fr');
    assert.equal(periodLabel('2019-02'), 'févr. 2019');
    assert.equal(periodLabel('2019-Q3'), 'T3 2019');
    setLanguage('en');
    assert.equal(periodLabel('2019-09'), 'Sep 2019');
    assert.equal(periodLabel('2019'), '2019');
});

test('every language names twelve distinct months, long and short', () => {
    for (const [language, dictionary] of Object.entries(LANGUAGES)) {
        for (const key of ['months', 'months_short']) {
            assert.equal(new Set(dictionary.dates[key]).size, 12, `${language} ${key}`);
        }
    }
});

test('a typed date is read as yyyy-mm-dd only when it is a day of the calendar', () => {
    assert.equal(parseIsoDate('2020-06-30'), '2020-06-30');
    assert.equal(parseIsoDate(' 2020-3-1 '), '2020-03-01');
    assert.equal(parseIsoDate('2020-02-29'), '2020-02-29');
    assert.equal(parseIsoDate('2019-02-29'), null);
    assert.equal(parseIsoDate('2020-13-01'), null);
    assert.equal(parseIsoDate('2020-04-31'), null);
    assert.equal(parseIsoDate('30/06/2020'), null);
    assert.equal(parseIsoDate('06/30/2020'), null);
    assert.equal(parseIsoDate(''), null);
    assert.equal(parseIsoDate(null), null);
});
