import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shadeOf } from '../src/components/heat-table.js';

test('six shades from the lowest to the highest value, the middle one when all values are equal', () => {
    assert.equal(shadeOf(20, 20, 80), 0);
    assert.equal(shadeOf(80, 20, 80), 5);
    // (50 - 20) / 60 * 6 = 3; (49 - 20) / 60 * 6 = 2.9; (79 - 20) / 60 * 6 = 5.9
    assert.equal(shadeOf(50, 20, 80), 3);
    assert.equal(shadeOf(49, 20, 80), 2);
    assert.equal(shadeOf(79, 20, 80), 5);
    assert.equal(shadeOf(4, 4, 4), 3);
});
