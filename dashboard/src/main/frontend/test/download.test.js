// What a downloaded file says about itself: its name, its source columns, the line under a chart image.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileSuffix, footerLine, provenanceOf, rowsToCsv } from '../src/components/download.js';
import { wrapText } from '../src/text-wrap.js';
import { setLanguage } from '../src/i18n.js';

globalThis.document = { documentElement: {} };

const stock = provenanceOf({ as_of: '2020-06-30', snapshot: 'S1' }, 'http://host/#/overview');
const flow = provenanceOf({ from: '2019-01-01', to: '2020-06-30', snapshot: 'S1' }, 'http://host/#/explore?indicator=training_sessions');

test('files are named after their dates and snapshot, as the export endpoint names its own', () => {
    assert.equal(fileSuffix(stock), 'as-of-2020-06-30_S1');
    assert.equal(fileSuffix(flow), '2019-01-01-to-2020-06-30_S1');
    assert.equal(fileSuffix(provenanceOf(null, 'x')), '');
});

test('the CSV is one table: a header row, then rows with the source columns on each', () => {
    const csv = rowsToCsv([{ district: 'Gasabo', value: 0.6, suppressed: false }, { district: '=HYPERLINK("x")', value: null, suppressed: true, suppression: 'small_cell' }], stock);
    assert.equal(csv, 'district,value,suppressed,suppression,as_of,snapshot,source\r\n'
        + 'Gasabo,0.6,false,,2020-06-30,S1,http://host/#/overview\r\n'
        + '"\'=HYPERLINK(""x"")",,true,small_cell,2020-06-30,S1,http://host/#/overview\r\n');
    assert.match(rowsToCsv([{ value: 3 }], flow), /^value,suppression,from,to,snapshot,source\r\n3,,2019-01-01,2020-06-30,S1,/);
    assert.equal(rowsToCsv([{ value: 3 }]), 'value,suppression\r\n3,\r\n');
});

test('the footer line gives the dates, the snapshot and the source in the page language', () => {
    setLanguage('en');
    assert.equal(footerLine(stock), 'Data as of 30 June 2020 · Ingest run S1 · Source: Jijukirwa impact dashboard, http://host/#/overview');
    assert.match(footerLine(flow), /^Data from 1 January 2019 to 30 June 2020 · /);
    setLanguage('rw');
    assert.match(footerLine(stock), /^Amakuru yo ku wa 30 Kamena 2020 · /);
    setLanguage('en');
});

test('long lines wrap at spaces, and a word longer than a line is cut', () => {
    const measure = (text) => text.length * 10;
    // 'Data as of 30' would be 130 px; '30 June 2020' is 120 px and fits
    assert.deepEqual(wrapText('Data as of 30 June 2020', 120, measure), ['Data as of', '30 June 2020']);
    assert.deepEqual(wrapText('see http://example.org/abcdefghij', 100, measure), ['see', 'http://exa', 'mple.org/a', 'bcdefghij']);
    assert.deepEqual(wrapText('short', 100, measure), ['short']);
});
