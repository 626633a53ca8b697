// The chart builders: API rows in, ECharts option out. Expectations worked out by hand from the inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PALETTE, fitToWidth, funnelOption, groupedBarOption, legendRows, rankedBarOption, trendOption } from '../src/charts/options.js';

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

test('a wrapping legend needs as many rows as its items fill', () => {
    assert.equal(legendRows([100, 100, 100], 400), 1);
    // 100 + 10 + 100 + 10 = 220, and a third item of 100 does not fit in 300
    assert.equal(legendRows([100, 100, 100], 300), 2);
    assert.equal(legendRows([500, 20], 300), 2, 'an item wider than the chart takes a row of its own');
    assert.equal(legendRows([], 300), 1);
});

test('fitted to a phone, a legend is plain and the plot moves down by the rows it adds', () => {
    const option = trendOption({ periods: ['2020-Q1'], axes: [{ format: String }], text,
        seriesList: ['Formed', 'Registered with RCA', 'Formalisation rate'].map((name) => ({ key: name, name, cells: [row(1)] })) });
    const measure = (label) => label.length * 7;
    // items 16 + 5 + 7 per character: 63, 154, 147 wide; in 1270 px one row, in 325 px two
    const wide = fitToWidth(option, 1280, measure);
    assert.equal(wide.legend.type, 'plain');
    assert.equal(wide.grid.top, option.grid.top);
    const narrow = fitToWidth(option, 335, measure);
    assert.equal(narrow.grid.top, option.grid.top + 24);
    assert.equal(option.grid.top, 44, 'the option given is left alone');
});

test('fitted to a phone, vertical bars whose labels do not fit side by side are turned on their side', () => {
    const option = groupedBarOption({ categories: ['Kigali City', 'Southern', 'Western', 'Northern', 'Eastern'], horizontal: false, text,
        seriesList: [{ key: 'w', name: 'Women', cells: [row(0.5), hiddenRow, row(0.5), row(0.5), row(0.5)] }, { key: 'y', name: 'Youth', cells: [row(1), row(1), row(1), row(1), row(1)] }] });
    const measure = (label) => label.length * 7;
    // labels 'label:Kigali City' are 119 px; in 1280 px each category has (1280 - 24 - 48) / 5 = 241 px: they stay vertical
    const wide = fitToWidth(option, 1280, measure);
    assert.equal(wide.xAxis.type, 'category');
    assert.equal(wide.series[0].label.show, true);
    // in 335 px a category has 52.6 px
    const narrow = fitToWidth(option, 335, measure);
    assert.equal(narrow.yAxis.type, 'category');
    assert.equal(narrow.yAxis.inverse, true);
    assert.equal(narrow.xAxis.type, 'value');
    assert.equal(narrow.series[0].label.position, 'right');
    assert.equal(narrow.series[0].data[1].label.rotate, 0, 'the hidden cell reads across too');
});

test('fitted, vertical bar value labels wider than their bars are left out', () => {
    const option = groupedBarOption({ categories: ['a', 'b'], horizontal: false, text,
        seriesList: [{ key: 'w', name: 'W', cells: [row(0.5), row(1)] }, { key: 'y', name: 'Y', cells: [row(1), row(0.25)] }] });
    const measure = (label) => label.length * 7;
    // (200 - 24 - 48) / 2 = 64 px a category, 64 * 0.8 / 2 = 25.6 px a bar; '100%' is 28 px
    const fitted = fitToWidth(option, 200, measure);
    assert.equal(fitted.xAxis.type, 'category');
    assert.deepEqual(fitted.series.map((series) => series.label.show), [false, false]);
    // in 400 px a bar has 54 px
    assert.deepEqual(fitToWidth(option, 400, measure).series.map((series) => series.label.show), [true, true]);
});

test('fitted to a phone, long labels beside horizontal bars take at most 35% of the width', () => {
    const names = ['Tailoring and garment making', 'Carpentry and joinery', 'Electrical and electronics repair'];
    const option = rankedBarOption({ items: names.map((key) => ({ key, group: null, cell: row(0.5) })), groups: [], reference: null,
        text: { ...text, label: (key) => key } });
    const measure = (label) => label.length * 7;
    // 'Electrical and electronics repair' is 231 px; 35% of 1280 is 448: left alone
    const wide = fitToWidth(option, 1280, measure, 200);
    assert.equal(wide.yAxis.axisLabel.width, undefined);
    assert.equal(wide.grid.right, 64);
    // 35% of 335 is 117 px (16 characters): 'Electrical and' / 'electronics' / 'repair' is three lines of 14 px; rows of
    // (200 - 28 - 8 - 24) / 3 = 46.7 px have room for them
    const roomy = fitToWidth(option, 335, measure, 200);
    assert.equal(roomy.yAxis.axisLabel.width, 117);
    assert.equal(roomy.yAxis.axisLabel.overflow, 'break');
    assert.equal(roomy.grid.right, 44);
    // rows of (150 - 28 - 8 - 24) / 3 = 30 px have not: the labels are cut short
    assert.equal(fitToWidth(option, 335, measure, 150).yAxis.axisLabel.overflow, 'truncate');
});
