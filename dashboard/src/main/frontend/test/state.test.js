// The URL hash is the whole view state: these are its parse and format rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHash, listParam, parseHash, withParams } from '../src/state.js';

test('a hash with a page, an item and parameters is parsed into its parts', () => {
    assert.deepEqual(parseHash('#/district/Gasabo?indicator=coops_formed&compare=Gasabo,Huye'),
        { page: 'district', item: 'Gasabo', params: { indicator: 'coops_formed', compare: 'Gasabo,Huye' } });
});

test('an unknown page or an empty hash is the overview, and empty parameters are dropped', () => {
    assert.deepEqual(parseHash(''), { page: 'overview', item: null, params: {} });
    assert.deepEqual(parseHash('#/nowhere?as_of=&lang=fr'), { page: 'overview', item: null, params: { lang: 'fr' } });
    assert.deepEqual(parseHash('#/value-chains/'), { page: 'value-chains', item: null, params: {} });
});

test('encoded items and parameters are decoded; an item may hold a slash', () => {
    assert.deepEqual(parseHash('#/explore?province=Kigali+City'), { page: 'explore', item: null, params: { province: 'Kigali City' } });
    assert.equal(parseHash('#/value-chain/moto%20transport').item, 'moto transport');
    assert.equal(parseHash('#/district/a/b').item, 'a/b');
});

test('formatting keeps commas readable, leaves out empty values and encodes the item', () => {
    assert.equal(formatHash({ page: 'districts', item: null, params: { compare: ['Gasabo', 'Huye'], as_of: '', lang: null, indicator: 'x' } }),
        '#/districts?compare=Gasabo,Huye&indicator=x');
    assert.equal(formatHash({ page: 'value-chain', item: 'moto transport', params: {} }), '#/value-chain/moto%20transport');
    assert.equal(formatHash({ page: 'overview', params: { province: 'Kigali City' } }), '#/overview?province=Kigali+City');
});

test('a formatted view parses back to itself', () => {
    const view = { page: 'explore', item: null, params: { by: 'district,sex', grain: 'quarter', province: 'Kigali City', to: '2020-06-30' } };
    assert.deepEqual(parseHash(formatHash(view)), view);
});

test('withParams changes some parameters, removes empty ones and leaves the state it was given alone', () => {
    const state = { page: 'overview', item: null, params: { province: 'Southern', district: 'Huye', lang: 'rw' } };
    const changed = withParams(state, { district: null, as_of: '2020-01-31', compare: [], by: ['province', 'sex'] });
    assert.deepEqual(changed.params, { province: 'Southern', lang: 'rw', as_of: '2020-01-31', by: 'province,sex' });
    assert.deepEqual(state.params, { province: 'Southern', district: 'Huye', lang: 'rw' });
});

test('a list parameter drops empty items, and a missing one is an empty list', () => {
    assert.deepEqual(listParam({ compare: 'Gasabo,,Huye,' }, 'compare'), ['Gasabo', 'Huye']);
    assert.deepEqual(listParam({}, 'compare'), []);
});
