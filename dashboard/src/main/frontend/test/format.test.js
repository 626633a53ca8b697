// Numbers and dates as each language writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, formatDate, formatInteger, formatPercent, formatPrecisePercent, formatValue } from '../src/format.js';
import { setLanguage } from '../src/i18n.js';

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
    assert.equal(formatPrecisePercent(0.6), '60,0\u00a0%');
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
