// The report's periods: a quarter's and a year's dates, the period before, the clipping to the as-of date, the choices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choosablePeriods, parsePeriod, periodDates, previousPeriod, quarterOf } from '../src/report/period.js';

test('a quarter and a year have their first and last days; anything else is not a period', () => {
    assert.deepEqual(parsePeriod('2020-Q4'), { id: '2020-Q4', kind: 'quarter', year: 2020, quarter: 4, from: '2020-10-01', to: '2020-12-31' });
    assert.deepEqual(parsePeriod('2020-Q1'), { id: '2020-Q1', kind: 'quarter', year: 2020, quarter: 1, from: '2020-01-01', to: '2020-03-31' });
    assert.equal(parsePeriod('2019-Q2').to, '2019-06-30');
    assert.deepEqual(parsePeriod('2020'), { id: '2020', kind: 'year', year: 2020, from: '2020-01-01', to: '2020-12-31' });
    for (const text of ['2020-Q5', '2020-q1', 'Q1-2020', '20', '', null, undefined]) {
        assert.equal(parsePeriod(text), null, String(text));
    }
});

test('the period before a first quarter is the last of the year before; before a year, the year before', () => {
    assert.equal(previousPeriod(parsePeriod('2020-Q1')).id, '2019-Q4');
    assert.equal(previousPeriod(parsePeriod('2020-Q3')).id, '2020-Q2');
    assert.equal(previousPeriod(parsePeriod('2020')).id, '2019');
    assert.equal(quarterOf('2020-06-30'), '2020-Q2');
    assert.equal(quarterOf('2020-07-01'), '2020-Q3');
});

test('a period that ends after the data is counted up to the as-of date', () => {
    assert.deepEqual(periodDates(parsePeriod('2020-Q2'), '2020-05-15'),
        { stock: { as_of: '2020-05-15' }, flow: { from: '2020-04-01', to: '2020-05-15' }, end: '2020-05-15' });
    assert.deepEqual(periodDates(parsePeriod('2020-Q1'), '2020-05-15'),
        { stock: { as_of: '2020-03-31' }, flow: { from: '2020-01-01', to: '2020-03-31' }, end: '2020-03-31' });
});

test('the choices run from the first quarter with data to the quarter of the as-of date, newest first', () => {
    assert.deepEqual(choosablePeriods('2019-Q3', '2020-06-30'), { quarters: ['2020-Q2', '2020-Q1', '2019-Q4', '2019-Q3'], years: ['2020', '2019'] });
    assert.deepEqual(choosablePeriods('2020-Q2', '2020-04-01'), { quarters: ['2020-Q2'], years: ['2020'] });
});
