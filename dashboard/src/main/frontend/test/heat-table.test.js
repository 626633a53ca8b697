import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isThin, shadeOf, unitsOf } from '../src/components/heat-table.js';

test('six shades from the lowest to the highest value, the middle one when all values are equal', () => {
    assert.equal(shadeOf(20, 20, 80), 0);
    assert.equal(shadeOf(80, 20, 80), 5);
    // (50 - 20) / 60 * 6 = 3; (49 - 20) / 60 * 6 = 2.9; (79 - 20) / 60 * 6 = 5.9
    assert.equal(shadeOf(50, 20, 80), 3);
    assert.equal(shadeOf(49, 20, 80), 2);
    assert.equal(shadeOf(79, 20, 80), 5);
    assert.equal(shadeOf(4, 4, 4), 3);
});

test('n is a rate\'s denominator or a count itself, none for a missing cell', () => {
    assert.equal(unitsOf({ value: 0.5, numerator: 2, denominator: 4 }, 'rate'), 4);
    assert.equal(unitsOf({ value: 12, numerator: 12, denominator: null }, 'count'), 12);
    assert.equal(unitsOf({ value: 80.5, numerator: null, denominator: 3 }, 'days'), 3);
    assert.equal(unitsOf(null, 'rate'), null);
});

test('a rate of fewer than k units is thin; k of them is not; a count never is', () => {
    assert.equal(isThin({ value: 1, numerator: 4, denominator: 4 }, 'rate', 5), true);
    assert.equal(isThin({ value: 1, numerator: 5, denominator: 5 }, 'rate', 5), false);
    assert.equal(isThin({ value: 2, numerator: 2, denominator: null }, 'count', 5), false);
    assert.equal(isThin({ value: 1, numerator: 1, denominator: 1 }, 'rate', null), false);
    assert.equal(isThin(null, 'rate', 5), false);
});
