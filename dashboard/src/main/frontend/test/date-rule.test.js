// Which dates a query takes from the page's date controls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateView, queryDates } from '../src/date-rule.js';

const all = { as_of: '2020-03-31', from: '2019-07-01', to: '2019-12-31' };

test('a stock at one date shows an as-of control; a flow or any series shows a range', () => {
    assert.equal(dateView('stock'), 'as_of');
    assert.equal(dateView('stock', true), 'range');
    assert.equal(dateView('flow'), 'range');
    assert.equal(dateView('flow', true), 'range');
});

test('a stock on its own view is counted at the as-of date, and ignores a range left in the URL', () => {
    assert.deepEqual(queryDates(all, { kind: 'stock' }), { as_of: '2020-03-31' });
    assert.deepEqual(queryDates({}, { kind: 'stock' }), { as_of: undefined });
});

test('a flow on its own view is counted over the range, and ignores an as-of date left in the URL', () => {
    assert.deepEqual(queryDates(all, { kind: 'flow' }), { from: '2019-07-01', to: '2019-12-31' });
    assert.deepEqual(queryDates({ as_of: '2020-03-31' }, { kind: 'flow' }), { from: undefined, to: undefined });
});

test('a stock series over a range ends at the chosen end, else at the as-of date', () => {
    assert.deepEqual(queryDates(all, { kind: 'stock', series: true }), { from: '2019-07-01', to: '2019-12-31' });
    assert.deepEqual(queryDates({ as_of: '2020-03-31' }, { kind: 'stock', series: true }), { from: undefined, to: '2020-03-31' });
});

test('on a page at one date, a flow or a series runs up to that date, whatever range the URL holds', () => {
    assert.deepEqual(queryDates(all, { kind: 'flow', view: 'as_of' }), { to: '2020-03-31' });
    assert.deepEqual(queryDates(all, { kind: 'stock', series: true, view: 'as_of' }), { to: '2020-03-31' });
    assert.deepEqual(queryDates(all, { kind: 'flow', series: true, view: 'as_of' }), { to: '2020-03-31' });
    assert.deepEqual(queryDates(all, { kind: 'stock', view: 'as_of' }), { as_of: '2020-03-31' });
});
