// Pure builders: figures in, ECharts option out. Category axes hold the API's keys (district names, value
// chain codes, periods) and show them through a label function, so that what the chart drew can be read
// back in the API's terms. A suppressed cell is drawn as an empty bar labelled "hidden", never as zero.
import { escapeHtml } from '../format.js';
import { wrapText } from '../text-wrap.js';

export const PALETTE = ['#1b6f8a', '#d9822b', '#6a4c93', '#2a9d8f', '#b23a48', '#5c7c2f', '#3d5a80', '#9c6644', '#c05299', '#607080',
    '#0f9d58', '#8d6e00'];

const INK = '#1d2731';
const MUTED = '#55616d';
const GRID_LINE = '#e3e7eb';
export const FONT = '"Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif';

function base() {
    return {
        animation: false,
        color: PALETTE,
        textStyle: { fontFamily: FONT, color: INK },
        tooltip: { trigger: 'item', className: 'chart-tooltip', confine: true, borderColor: '#c8d0d8' },
    };
}

function valueAxis(format, extra = {}) {
    return {
        type: 'value',
        axisLabel: { formatter: (value) => format(value), color: MUTED, hideOverlap: true },
        splitLine: { lineStyle: { color: GRID_LINE } },
        ...extra,
    };
}

function categoryAxis(keys, label, extra = {}) {
    return {
        type: 'category',
        data: keys,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#b8c0c8' } },
        axisLabel: { formatter: (key) => label(key), color: INK, fontSize: 12 },
        ...extra,
    };
}

function tooltipHtml(title, value, detail) {
    return `<div class="chart-tooltip-title">${escapeHtml(title)}</div>`
        + `<div class="chart-tooltip-value">${escapeHtml(value)}</div>`
        + (detail ? `<div class="chart-tooltip-detail">${escapeHtml(detail)}</div>` : '');
}

/** A bar's data item: a suppressed cell is an empty bar labelled as hidden. */
function barItem(cell, text, vertical = false) {
    if (!cell) {
        return null;
    }
    if (cell.suppressed) {
        return { value: 0, suppressed: true, row: cell, label: { show: true, position: vertical ? 'insideBottom' : 'right', rotate: vertical ? 90 : 0,
            align: vertical ? 'left' : undefined, offset: vertical ? [0, -4] : undefined, formatter: text.hidden, color: MUTED, fontStyle: 'italic' } };
    }
    return { value: cell.value, row: cell };
}

/**
 * Ranked horizontal bars, grouped (and coloured) by a parent such as the province, with a reference line.
 * items: [{ key, group, cell }] in drawing order (top first); cell: an API row.
 * groups: [{ key, label }]; reference: { value, label } or null.
 * text: { label(key), group(key), value(v), detail(cell), hidden }.
 */
export function rankedBarOption({ items, groups, reference, text }) {
    const keys = items.map((item) => item.key);
    const grouped = groups.length > 1;
    const series = (grouped ? groups : [{ key: null, label: '' }]).map((group, index) => ({
        type: 'bar',
        name: group.label,
        stack: 'ranked',
        barMaxWidth: 16,
        itemStyle: { color: PALETTE[index % PALETTE.length], borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: INK, fontSize: 11, formatter: (point) => text.value(point.data.value) },
        data: items.map((item) => (group.key === null || item.group === group.key ? barItem(item.cell, text) : null)),
    }));
    if (reference && reference.value !== null && reference.value !== undefined) {
        series[0].markLine = {
            silent: true,
            symbol: 'none',
            lineStyle: { color: INK, type: 'dashed', width: 1.5 },
            label: { formatter: reference.label, position: 'start', distance: 4, color: INK, fontWeight: 600, fontSize: 11 },
            data: [{ xAxis: reference.value }],
        };
    }
    return {
        ...base(),
        legend: grouped ? { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: INK }, selectedMode: false } : undefined,
        grid: { left: 8, right: 64, top: grouped ? 56 : 28, bottom: 8, containLabel: true },
        xAxis: valueAxis(text.value, { min: 0 }),
        yAxis: categoryAxis(keys, text.label, { inverse: true }),
        tooltip: {
            ...base().tooltip,
            formatter: (point) => {
                const row = point.data?.row;
                return row ? tooltipHtml(text.label(keys[point.dataIndex]), row.suppressed ? text.hidden : text.value(row.value, true), text.detail(row)) : '';
            },
        },
        series,
    };
}

/**
 * Bars per category with one series per group (e.g. women's and youth share per province).
 * categories: keys; seriesList: [{ key, name, cells: [API row or null per category] }].
 * horizontal: categories on the vertical axis (better for many categories or a phone).
 */
export function groupedBarOption({ categories, seriesList, horizontal, text }) {
    const series = seriesList.map((entry) => ({
        type: 'bar',
        name: entry.name,
        barMaxWidth: horizontal ? 14 : 36,
        itemStyle: { borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: { show: seriesList.length <= 3 && categories.length <= 12, position: horizontal ? 'right' : 'top', color: INK, fontSize: 11,
            formatter: (point) => text.value(point.data.value) },
        data: entry.cells.map((cell) => barItem(cell, text, !horizontal)),
    }));
    const category = categoryAxis(categories, text.label, horizontal ? { inverse: true } : { axisLabel: { formatter: (key) => text.label(key), color: INK, interval: 0, hideOverlap: true } });
    const value = valueAxis(text.value, { min: 0 });
    return {
        ...base(),
        legend: seriesList.length > 1 ? { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: INK } } : undefined,
        grid: { left: 8, right: horizontal ? 64 : 16, top: seriesList.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? category : value,
        tooltip: {
            ...base().tooltip,
            formatter: (point) => {
                const row = point.data?.row;
                return row ? tooltipHtml(`${text.label(categories[point.dataIndex])} · ${point.seriesName}`,
                    row.suppressed ? text.hidden : text.value(row.value, true), text.detail(row)) : '';
            },
        },
        series,
    };
}

/**
 * Lines over periods. seriesList: [{ key, name, cells: [API row or null per period], axis: 0|1, dashed }].
 * axes: [{ format }] one or two value axes (left, right). A suppressed or missing cell is a gap in the line.
 */
export function trendOption({ periods, seriesList, axes, text, area }) {
    return {
        ...base(),
        legend: seriesList.length > 1 ? { top: 0, left: 0, itemWidth: 16, itemHeight: 10, textStyle: { color: INK } } : undefined,
        grid: { left: 8, right: axes.length > 1 ? 8 : 24, top: seriesList.length > 1 ? 44 : 20, bottom: 8, containLabel: true },
        xAxis: categoryAxis(periods, text.period, { boundaryGap: false, axisLabel: { formatter: (key) => text.period(key), color: MUTED, hideOverlap: true } }),
        yAxis: axes.map((axis, index) => valueAxis(axis.format, { min: 0, ...(index > 0 ? { splitLine: { show: false } } : {}) })),
        tooltip: { ...base().tooltip, trigger: 'axis', formatter: (points) => {
            const lines = points.map((point) => {
                const row = point.data?.row;
                const entry = seriesList[point.seriesIndex];
                const shown = !row ? '–' : row.suppressed ? text.hidden : axes[entry.axis ?? 0].format(row.value, true);
                return `<div class="chart-tooltip-detail">${escapeHtml(point.seriesName)}: <strong>${escapeHtml(shown)}</strong></div>`;
            });
            return `<div class="chart-tooltip-title">${escapeHtml(text.period(periods[points[0]?.dataIndex ?? 0]))}</div>${lines.join('')}`;
        } },
        series: seriesList.map((entry, index) => ({
            type: 'line',
            name: entry.name,
            yAxisIndex: entry.axis ?? 0,
            symbol: 'circle',
            symbolSize: 6,
            connectNulls: false,
            lineStyle: { width: 2.5, type: entry.dashed ? 'dashed' : 'solid' },
            areaStyle: area && index === 0 ? { opacity: 0.08 } : undefined,
            data: entry.cells.map((cell) => (cell ? { value: cell.suppressed ? null : cell.value, row: cell } : null)),
        })),
    };
}

/**
 * The formalisation funnel: one bar per stage, widest first, labelled with its count and its rate of the first stage.
 * stages: [{ key, count, rate }]; text: { label(key), count(v), rate(v) }.
 */
export function funnelOption({ stages, text }) {
    const shades = ['#0f4c5c', '#1b6f8a', '#2a8fa8', '#4ba6bc', '#7cc0cf'];
    return {
        ...base(),
        grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', show: false, min: 0 },
        yAxis: categoryAxis(stages.map((stage) => stage.key), text.label, { inverse: true, axisLine: { show: false } }),
        tooltip: {
            ...base().tooltip,
            formatter: (point) => {
                const stage = stages[point.dataIndex];
                return tooltipHtml(text.label(stage.key), text.count(stage.count), point.dataIndex === 0 ? '' : text.rate(stage.rate));
            },
        },
        series: [{
            type: 'bar',
            name: '',
            barMaxWidth: 34,
            barCategoryGap: '28%',
            label: {
                show: true,
                position: 'right',
                color: INK,
                fontSize: 12,
                formatter: (point) => {
                    const stage = stages[point.dataIndex];
                    return point.dataIndex === 0 ? text.count(stage.count) : `${text.count(stage.count)} · ${text.short(stage.rate)}`;
                },
            },
            data: stages.map((stage, index) => ({ value: stage.count, itemStyle: { color: shades[index % shades.length], borderRadius: [0, 4, 4, 0] } })),
        }],
    };
}

// one more legend row: an item's height (about 14 px) and the gap between rows (10 px)
const LEGEND_ROW = 24;
// the legend's padding (5 px each side) and the gap between an item's symbol and its text
const LEGEND_PADDING = 10;
const LEGEND_TEXT_GAP = 5;
// room a value axis's labels take left of vertical bars, and what a label keeps clear of its neighbours
const VALUE_AXIS_ROOM = 48;
const LABEL_CLEARANCE = 8;
// the share of a chart's width that category labels beside horizontal bars may take, and a label line's height;
const SIDE_LABEL_SHARE = 0.35;
// what a bar's value label (e.g. '100%') needs right of the plot once the width is tight
const TIGHT_RIGHT = 44;
const LABEL_LINE = 14;

/** The number of rows a wrapping legend needs for these item widths in `width` pixels. */
export function legendRows(itemWidths, width, gap = 10) {
    let rows = 1;
    let x = 0;
    for (const itemWidth of itemWidths) {
        if (x > 0 && x + itemWidth > width) {
            rows += 1;
            x = 0;
        }
        x += itemWidth + gap;
    }
    return rows;
}

/** Vertical bars turned on their side: categories down the left, one label per row, values to the right of the bars. */
function sideways(option) {
    const category = option.xAxis;
    return {
        ...option,
        grid: { ...option.grid, right: 64 },
        xAxis: option.yAxis,
        yAxis: { ...category, inverse: true, axisLabel: { formatter: category.axisLabel.formatter, color: category.axisLabel.color, fontSize: 12 } },
        series: option.series.map((series) => ({
            ...series,
            barMaxWidth: 14,
            itemStyle: { ...series.itemStyle, borderRadius: [0, 3, 3, 0] },
            label: { ...series.label, position: 'right' },
            data: series.data.map((item) => (item?.suppressed
                ? { ...item, label: { ...item.label, position: 'right', rotate: 0, align: undefined, offset: undefined } } : item)),
        })),
    };
}

/**
 * Category labels beside horizontal bars kept to a share of the width, wrapped when the rows have room for their lines,
 * else cut short (the tooltip and the table view give them whole); the right margin shrinks to what a value label needs.
 */
function narrowSideLabels(option, width, height, measure) {
    const category = option.yAxis;
    const labels = category.data.map((key) => String(category.axisLabel.formatter(key)));
    const room = Math.floor(width * SIDE_LABEL_SHARE);
    if (labels.length === 0 || Math.max(...labels.map(measure)) <= room) {
        return option;
    }
    // the plot's height less the value axis's labels, shared by the rows
    const pitch = (height - (option.grid?.top ?? 0) - (option.grid?.bottom ?? 0) - 24) / labels.length;
    const lines = Math.max(...labels.map((label) => wrapText(label, room, measure).length));
    const wrapped = lines * LABEL_LINE <= pitch - 2;
    return { ...option, grid: { ...option.grid, right: Math.min(option.grid?.right ?? TIGHT_RIGHT, TIGHT_RIGHT) },
        yAxis: { ...category, axisLabel: { ...category.axisLabel, width: room, lineHeight: 14,
        ...(wrapped ? { overflow: 'break' } : { overflow: 'truncate', ellipsis: '…' }) } } };
}

/**
 * The option laid out for a chart `width` x `height` pixels, measure(text) being a 12 px label's width in pixels:
 * - the legend wraps onto as many rows as it needs, never paged, and the plot moves down by the rows it adds;
 * - vertical bars whose category labels would not fit side by side are turned on their side; bar value labels
 *   that would run into each other are left out (the tooltip and the table view give every figure);
 * - long category labels beside horizontal bars take at most 35% of the width, wrapped (or cut short when the rows
 *   are too low for that), so that the bars keep room on a phone.
 */
export function fitToWidth(option, width, measure, height = null) {
    const fitted = { ...option };
    if (option.legend) {
        const legend = option.legend;
        const names = [...new Set(option.series.map((series) => series.name).filter((name) => name))];
        const itemWidths = names.map((name) => (legend.itemWidth ?? 25) + LEGEND_TEXT_GAP + measure(name));
        const rows = legendRows(itemWidths, width - LEGEND_PADDING, legend.itemGap ?? 10);
        fitted.legend = { ...legend, type: 'plain' };
        fitted.grid = { ...option.grid, top: option.grid.top + (rows - 1) * LEGEND_ROW };
    }
    const category = option.xAxis?.type === 'category' && option.series.every((series) => series.type === 'bar') ? option.xAxis : null;
    if (category && category.data.length > 0) {
        const slot = (width - (option.grid?.left ?? 0) - (option.grid?.right ?? 0) - VALUE_AXIS_ROOM) / category.data.length;
        const widestLabel = Math.max(...category.data.map((key) => measure(category.axisLabel.formatter(key))));
        if (widestLabel > slot - LABEL_CLEARANCE) {
            const turned = sideways(fitted);
            return height ? narrowSideLabels(turned, width, height, measure) : turned;
        }
        const barWidth = (slot * 0.8) / option.series.length;
        fitted.series = option.series.map((series) => {
            const widest = Math.max(0, ...series.data.filter((item) => item && !item.suppressed)
                .map((item) => measure(String(series.label?.formatter?.({ data: item }) ?? ''))));
            return series.label?.show && widest > barWidth - 2 ? { ...series, label: { ...series.label, show: false } } : series;
        });
    }
    if (option.yAxis?.type === 'category' && height) {
        return narrowSideLabels(fitted, width, height, measure);
    }
    return fitted;
}
