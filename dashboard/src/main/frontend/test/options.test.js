// The chart builders: API rows in, ECharts option out. Expectations worked out by hand from the inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PALETTE, funnelOption, groupedBarOption, rankedBarOption, trendOption } from '../src/charts/options.js';

// plain texts, so that a formatter's output shows which function made it
const text = {
    label: (key) => `label:${key}`,
    group: (key) => `group:${key}`,
    period: (key) => `period:${key}`,
    value: (value, precise) => (precise ? `${(value * 100).toFixed(1)}%` : `${Math.round(value * 100)}%`),
    detail: (row) => (row.denominator ? `${row.numerator} of ${row.denominator}` : ''),
    hidden: 'hidden',
};

const row = (value, extra = {}) => ({ value, suppressed: false, numerator: null, denominator: null, ...extra });
const hiddenRow = { value: null, suppressed: true, suppression: 'small_cell' };

test('ranked bars: one stacked series per group, each item only in its own group, in the given order', () => {
    const option = rankedBarOption({
        items: [{ key: 'Kicukiro', group: 'Kigali City', cell: row(0.7) }, { key: 'Gasabo', group: 'Kigali City', cell: row(0.6) },
            { key: 'Huye', group: 'Southern', cell: row(0.25) }],
        groups: [{ key: 'Kigali City', label: 'Kigali' }, { key: 'Southern', label: 'South' }],
        reference: null,
        text,
    });
    assert.deepEqual(option.yAxis.data, ['Kicukiro', 'Gasabo', 'Huye']);
    assert.equal(option.yAxis.inverse, true);
    assert.deepEqual(option.series.map((series) => series.name), ['Kigali', 'South']);
    assert.deepEqual(option.series[0].data.map((item) => item?.value ?? null), [0.7, 0.6, null]);
    assert.deepEqual(option.series[1].data.map((item) => item?.value ?? null), [null, null, 0.25]);
    assert.equal(option.series[1].itemStyle.color, PALETTE[1]);
    assert.ok(option.legend, 'two groups have a legend');
    assert.equal(option.yAxis.axisLabel.formatter('Huye'), 'label:Huye');
    assert.equal(option.series[0].label.formatter({ data: { value: 0.6 } }), '60%');
});

test('ranked bars: a suppressed cell is an empty bar labelled hidden, never a zero with a figure', () => {
    const option = rankedBarOption({ items: [{ key: 'a', group: null, cell: row(0.5) }, { key: 'b', group: null, cell: hiddenRow }],
        groups: [], reference: null, text });
    const [shown, hidden] = option.series[0].data;
    assert.equal(shown.value, 0.5);
    assert.equal(hidden.suppressed, true);
    assert.equal(hidden.value, 0);
    assert.equal(hidden.label.formatter, 'hidden');
    assert.equal(option.legend, undefined, 'one group: no legend');
    assert.equal(option.series[0].markLine, undefined);
    // the tooltip says hidden for the suppressed bar and gives the precise figure of the other
    assert.match(option.tooltip.formatter({ data: hidden, dataIndex: 1 }), /label:b.*hidden/s);
    assert.match(option.tooltip.formatter({ data: shown, dataIndex: 0 }), /50\.0%/);
});

test('ranked bars: the reference is a dashed line at its value; a missing value draws none', () => {
    const items = [{ key: 'a', group: null, cell: row(0.5) }];
    const option = rankedBarOption({ items, groups: [], reference: { value: 0.42, label: 'Programme 42%' }, text });
    assert.deepEqual(option.series[0].markLine.data, [{ xAxis: 0.42 }]);
    assert.equal(option.series[0].markLine.label.formatter, 'Programme 42%');
    assert.equal(rankedBarOption({ items, groups: [], reference: { value: null, label: 'x' }, text }).series[0].markLine, undefined);
});

test('tooltips escape the labels they show', () => {
    const option = rankedBarOption({ items: [{ key: '<b>', group: null, cell: row(0.5) }], groups: [], reference: null,
        text: { ...text, label: (key) => key } });
    assert.match(option.tooltip.formatter({ data: option.series[0].data[0], dataIndex: 0 }), /&#60;b&#62;/);
});

test('grouped bars: horizontal puts the categories on the vertical axis, a missing cell stays empty', () => {
    const option = groupedBarOption({
        categories: ['Kigali City', 'Southern'],
        seriesList: [{ key: 'women', name: 'Women', cells: [row(0.5), null] }, { key: 'youth', name: 'Youth', cells: [hiddenRow, row(1)] }],
        horizontal: true,
        text,
    });
    assert.equal(option.yAxis.type, 'category');
    assert.deepEqual(option.yAxis.data, ['Kigali City', 'Southern']);
    assert.equal(option.xAxis.type, 'value');
    assert.deepEqual(option.series[0].data.map((item) => item?.value ?? null), [0.5, null]);
    assert.equal(option.series[1].data[0].suppressed, true);
    assert.equal(option.series[1].data[0].label.position, 'right');

    const vertical = groupedBarOption({ categories: ['a'], seriesList: [{ key: 'x', name: 'X', cells: [hiddenRow] }], horizontal: false, text });
    assert.equal(vertical.xAxis.type, 'category');
    assert.equal(vertical.series[0].data[0].label.rotate, 90);
    assert.equal(vertical.legend, undefined, 'one series: no legend');
});

test('trend: a suppressed cell is a gap (null), a missing period is null, dashed series and the second axis are kept', () => {
    const option = trendOption({
        periods: ['2019-Q4', '2020-Q1', '2020-Q2'],
        seriesList: [
            { key: 'formed', name: 'Formed', axis: 0, cells: [row(10), hiddenRow, row(15)] },
            { key: 'rate', name: 'Rate', axis: 1, dashed: true, cells: [row(0), null, row(0.6)] },
        ],
        axes: [{ format: (value) => String(value) }, { format: (value) => `${value * 100}%` }],
        text,
    });
    assert.deepEqual(option.xAxis.data, ['2019-Q4', '2020-Q1', '2020-Q2']);
    assert.deepEqual(option.series[0].data.map((point) => point?.value ?? null), [10, null, 15]);
    assert.equal(option.series[0].data[1].row.suppressed, true);
    assert.deepEqual(option.series[1].data.map((point) => point?.value ?? null), [0, null, 0.6]);
    assert.equal(option.series[1].yAxisIndex, 1);
    assert.equal(option.series[1].lineStyle.type, 'dashed');
    assert.equal(option.series[0].lineStyle.type, 'solid');
    assert.equal(option.yAxis.length, 2);
    const tooltip = option.tooltip.formatter([{ seriesIndex: 0, seriesName: 'Formed', dataIndex: 1, data: option.series[0].data[1] },
        { seriesIndex: 1, seriesName: 'Rate', dataIndex: 1, data: option.series[1].data[1] }]);
    assert.match(tooltip, /period:2020-Q1/);
    assert.match(tooltip, /Formed: <strong>hidden<\/strong>/);
    assert.match(tooltip, /Rate: <strong>–<\/strong>/);
});

test('funnel: the first stage shows its count, the others count and share of the first', () => {
    const option = funnelOption({
        stages: [{ key: 'formed', count: 150, rate: 1 }, { key: 'registered', count: 60, rate: 0.4 }],
        text: { label: (key) => key.toUpperCase(), count: (value) => String(value), short: (rate) => `${rate * 100}%`, rate: (rate) => `${rate * 100}% of formed` },
    });
    assert.deepEqual(option.series[0].data.map((item) => item.value), [150, 60]);
    assert.equal(option.series[0].label.formatter({ dataIndex: 0 }), '150');
    assert.equal(option.series[0].label.formatter({ dataIndex: 1 }), '60 · 40%');
    assert.equal(option.yAxis.axisLabel.formatter('registered'), 'REGISTERED');
});
