// A card around one chart: title, toolbar (table view, CSV, JSON, PNG), the indicators' definitions, the chart
// with its loading, empty and error states, the suppression note, and the figures as a table.
import { echarts } from '../charts/echarts.js';
import { FONT, fitToWidth } from '../charts/options.js';
import { exportUrl } from '../api.js';
import { h, uniqueId } from '../dom.js';
import { indicatorDescription, indicatorLabel, privacyText, t } from '../i18n.js';
import { captionedPng, fileSuffix, footerLine, provenanceOf, rowsToCsv, saveBlob } from './download.js';
import { fileColumns, fileRows, lineageFacts } from '../lineage.js';
import { countsPeople } from '../reference.js';
import { publicView } from '../session.js';

const charts = new Set();

/** Disposes every chart of the page being left. */
export function disposeCharts() {
    for (const chart of charts) {
        chart.dispose();
    }
    charts.clear();
}

/** Fired on document whenever a chart reaches drawn, empty or error; app.js marks the page when all have. */
function settled() {
    document.dispatchEvent(new CustomEvent('chart-settled'));
}

let measuringContext = null;

/** The width in pixels of a 12 px chart label. */
function measureLabel(text) {
    measuringContext ??= document.createElement('canvas').getContext('2d');
    measuringContext.font = `12px ${FONT}`;
    return measuringContext.measureText(String(text)).width;
}

/** Reads back what the chart drew: per series, its name and the value of each category (null for a gap). */
export function drawnFigures(chart) {
    return chart.getModel().getSeries().map((series) => {
        const data = series.getData();
        const baseAxis = series.getBaseAxis?.();
        const valueDimension = data.mapDimension(baseAxis && baseAxis.dim === 'y' ? 'x' : 'y');
        const points = [];
        for (let index = 0; index < data.count(); index++) {
            const raw = data.getRawDataItem(index);
            if (raw === null || raw === undefined) {
                continue;
            }
            const value = data.get(valueDimension, index);
            const categories = baseAxis?.scale?.getOrdinalMeta?.().categories;
            points.push({ key: categories?.[index] ?? data.getName(index),
                value: Number.isNaN(value) ? null : value });
        }
        return { series: series.name, points };
    });
}

/**
 * Reads back where the chart put its texts (axis and bar labels, legend items) and its plot, in CSS pixels of the
 * chart, so that a test can tell whether labels run into each other or into the plot.
 */
function drawnLayout(chart) {
    const texts = [];
    const seen = new Set();
    // a text is drawn as one span per line: its box is the text element's, the spans' parent
    for (const span of chart.getZr().storage.getDisplayList(true)) {
        const element = span.type === 'tspan' && span.parent?.type === 'text' ? span.parent : null;
        if (!element || seen.has(element) || element.invisible || !element.style?.text) {
            continue;
        }
        seen.add(element);
        const rect = element.getBoundingRect().clone();
        rect.applyTransform(element.getComputedTransform());
        texts.push({ text: String(element.style.text), x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    }
    const plot = chart.getModel().getComponent('grid')?.coordinateSystem?.getRect();
    return { width: chart.getWidth(), texts, plot: plot ? { x: plot.x, y: plot.y, width: plot.width, height: plot.height } : null };
}

/**
 * options: { id, title, subtitle, indicators: [ids for the definitions], catalogue: Map id -> entry, height, fileName }.
 * Returns { element, loading(), error(e), empty(message), draw({ option, table, rows, exportQuery, summary }) }.
 */
export function chartCard({ id, title, subtitle, indicators = [], catalogue, height = 360, fileName }) {
    const titleId = `${id}-title`;
    const chartElement = h('div', { class: 'chart', id: `${id}-chart`, role: 'img', 'aria-label': title, dataset: { state: 'loading' } });
    chartElement.style.height = `${height}px`;
    const status = h('p', { class: 'chart-status', id: `${id}-status`, role: 'status', dataset: { state: 'loading' } }, t('states.loading'));
    const note = h('p', { class: 'suppression-note', hidden: true },
        h('span', { class: 'suppression-mark', 'aria-hidden': 'true' }, '◌'), ' ', privacyText('explanation'));
    const tableRegion = h('div', { class: 'figures-table', id: `${id}-table`, hidden: true, tabIndex: -1 });
    const tableButton = h('button', { type: 'button', class: 'tool', 'aria-pressed': 'false', 'aria-controls': `${id}-table`, disabled: true },
        t('chart.table_view'));
    const csvLink = h('a', { class: 'tool', id: `${id}-csv`, href: '#', download: `${fileName ?? id}.csv`, 'aria-disabled': 'true' }, t('chart.download_csv'));
    const jsonLink = h('a', { class: 'tool', id: `${id}-json`, href: '#', download: `${fileName ?? id}.json`, hidden: true }, t('chart.download_json'));
    const pngButton = h('button', { type: 'button', class: 'tool', id: `${id}-png`, disabled: true }, t('chart.download_png'));
    const definitionId = uniqueId('definition');
    // "About this figure": the answer's lineage (definition, snapshot, runs and files, protection), filled when drawn
    const lineagePanel = h('details', { class: 'lineage', id: `${id}-lineage`, hidden: true });

    let chart = null;
    let rows = [];
    let observer = null;
    let option = null;
    let laidOutWidth = 0;
    let answer = null;

    /** Sets the option laid out for the chart's width (legends wrap, labels keep apart), again when the width changes. */
    function layOut() {
        if (!chart || !option) {
            return;
        }
        const width = chartElement.clientWidth;
        if (width !== laidOutWidth) {
            laidOutWidth = width;
            chart.setOption(width > 0 ? fitToWidth(option, width, measureLabel, chartElement.clientHeight) : option, true);
        }
        chart.resize();
    }

    tableButton.addEventListener('click', () => {
        const showing = tableButton.getAttribute('aria-pressed') === 'true';
        tableButton.setAttribute('aria-pressed', String(!showing));
        tableRegion.hidden = showing;
        if (!showing) {
            tableRegion.focus();
        }
    });
    csvLink.addEventListener('click', async (event) => {
        event.preventDefault();
        if (csvLink.getAttribute('aria-disabled') === 'true') {
            return;
        }
        await downloadCsv();
    });
    pngButton.addEventListener('click', async () => {
        if (!chart) {
            return;
        }
        const pixelRatio = 2;
        const chartImage = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
        const footer = footerLine(provenanceOf(answer, window.location.href));
        saveBlob(await captionedPng(chartImage, { title, subtitle, footer, pixelRatio }), `${fileName ?? id}.png`);
    });

    /**
     * The export endpoint's file, under the name it gives (indicator, dates, snapshot); the chart's own rows as CSV only
     * when the endpoint does not exist (404), named the same way and with the source on every row.
     */
    async function downloadCsv() {
        const href = csvLink.getAttribute('href');
        if (href && href !== '#') {
            try {
                const response = await fetch(href);
                if (response.ok) {
                    saveBlob(await response.blob(), attachmentName(response.headers.get('Content-Disposition')) ?? csvLink.getAttribute('download'));
                    return;
                }
                if (response.status !== 404) {
                    throw new Error(String(response.status));
                }
            }
            catch (error) {
                if (!(error instanceof TypeError) && error.message !== '404') {
                    status.hidden = false;
                    status.dataset.state = 'error';
                    status.textContent = t('states.download_failed');
                    return;
                }
            }
        }
        const provenance = provenanceOf(answer, window.location.href);
        const suffix = fileSuffix(provenance);
        saveBlob(new Blob([rowsToCsv(rows, provenance)], { type: 'text/csv;charset=utf-8' }), `${fileName ?? id}${suffix ? `_${suffix}` : ''}.csv`);
    }

    const definitions = indicators.map((indicator) => {
        const entry = catalogue?.get(indicator);
        return [
            h('dt', {}, indicatorLabel(indicator)),
            h('dd', {},
                h('p', {}, indicatorDescription(indicator)),
                entry ? h('p', { class: 'definition-exact' }, h('span', { class: 'definition-key' }, t('definition.exact')), ' ',
                    h('code', {}, entry.description)) : null,
                entry ? h('p', { class: 'definition-meta' }, `${t(`kinds.${entry.kind}`)} · ${t(`units.${entry.unit}`)} · `,
                    h('code', {}, indicator)) : null),
        ];
    });

    const element = h('section', { class: 'card chart-card', id, 'aria-labelledby': titleId },
        h('header', { class: 'card-header' },
            h('div', { class: 'card-heading' },
                h('h2', { id: titleId }, title),
                subtitle ? h('p', { class: 'card-subtitle' }, subtitle) : null),
            h('div', { class: 'toolbar', role: 'group', 'aria-label': t('chart.tools', { title }) }, tableButton, csvLink, jsonLink, pngButton)),
        indicators.length > 0
            ? h('details', { class: 'definition', id: definitionId }, h('summary', {}, t('definition.about')), h('dl', {}, definitions))
            : null,
        h('div', { class: 'chart-frame' }, chartElement, status),
        note,
        tableRegion,
        lineagePanel);

    function setState(state, message) {
        chartElement.dataset.state = state;
        status.dataset.state = state;
        status.textContent = message ?? '';
        status.hidden = !message;
        element.dataset.state = state;
        if (state !== 'loading') {
            settled();
        }
    }

    function release() {
        if (chart) {
            charts.delete(chart);
            chart.dispose();
            chart = null;
        }
        observer?.disconnect();
    }

    return {
        element,
        loading() {
            setState('loading', t('states.loading'));
        },
        error(error) {
            release();
            tableButton.disabled = true;
            pngButton.disabled = true;
            csvLink.setAttribute('aria-disabled', 'true');
            setState('error', t('states.error', { message: error?.message ?? String(error) }));
        },
        empty(message) {
            release();
            pngButton.disabled = true;
            tableButton.disabled = true;
            setState('empty', message ?? t('states.empty'));
        },
        /**
         * option: the ECharts option; table: { columns: [{ label, numeric }], rows: [[text or { text, hidden }]] };
         * rows: the API rows behind the chart (client CSV); answer: the API answer they come from (its dates and snapshot
         * go under a downloaded PNG and into a client CSV); exportQuery: { indicator, parameters } for the export links.
         */
        draw({ option: drawnOption, table, rows: apiRows, answer: drawnAnswer, exportQuery, summary, height: drawHeight, onSelect }) {
            rows = apiRows ?? [];
            answer = drawnAnswer ?? null;
            if (drawHeight) {
                chartElement.style.height = `${drawHeight}px`;
            }
            if (!chart) {
                chart = echarts.init(chartElement, null, { renderer: 'canvas' });
                charts.add(chart);
                observer = new ResizeObserver(() => layOut());
                observer.observe(chartElement);
            }
            chart.off('finished');
            chart.on('finished', () => {
                chartElement.dataset.layout = JSON.stringify(drawnLayout(chart));
                if (chartElement.dataset.state !== 'drawn') {
                    chartElement.dataset.drawn = JSON.stringify(drawnFigures(chart));
                    setState('drawn');
                }
            });
            chart.off('click');
            if (onSelect) {
                chart.on('click', (point) => point.componentType === 'series' && point.name && onSelect(point.name));
                chartElement.classList.add('clickable');
            }
            chartElement.dataset.state = 'drawing';
            option = drawnOption;
            laidOutWidth = 0;
            layOut();
            chartElement.setAttribute('aria-label', summary ? `${title}. ${summary}` : title);
            // the rounding of counts of people is explained under every chart that shows some (docs/disclosure.md)
            note.hidden = !(publicView() && indicators.some(countsPeople));
            tableRegion.replaceChildren(renderTable(table, title));
            showLineage(lineagePanel, answer?.lineage, title);
            tableButton.disabled = false;
            pngButton.disabled = false;
            csvLink.setAttribute('aria-disabled', 'false');
            if (exportQuery) {
                csvLink.href = exportUrl(exportQuery.indicator, 'csv', exportQuery.parameters);
                jsonLink.href = exportUrl(exportQuery.indicator, 'json', exportQuery.parameters);
                jsonLink.hidden = false;
            }
            else {
                csvLink.href = '#';
                jsonLink.hidden = true;
            }
        },
    };
}

/** Fills the "About this figure" panel from an answer's lineage; hidden when the answer has none. */
function showLineage(panel, lineage, title) {
    panel.hidden = !lineage;
    if (!lineage) {
        panel.replaceChildren();
        return;
    }
    panel.replaceChildren(
        h('summary', {}, t('lineage.about')),
        h('dl', {}, lineageFacts(lineage).map(([term, description]) => [h('dt', {}, term), h('dd', {}, description)])),
        lineage.files.length > 0 ? renderTable({ columns: fileColumns(), rows: fileRows(lineage) }, `${t('lineage.files')}: ${title}`) : null,
        lineage.files.some((file) => !file.file) ? h('p', { class: 'lineage-note' }, t('lineage.files_public')) : null);
}

/** The file name of a Content-Disposition header ('attachment; filename="x.csv"'), or null. */
function attachmentName(header) {
    const match = /filename="([^"]+)"/.exec(header ?? '');
    return match ? match[1] : null;
}

/** The figures as an accessible table; a suppressed cell reads "hidden" with the reason as its title. */
export function renderTable(table, caption) {
    return h('table', {},
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', {}, h('tr', {}, table.columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'number' : null }, column.label)))),
        h('tbody', {}, table.rows.map((cells) => h('tr', {}, cells.map((cell, index) => {
            const column = table.columns[index];
            const text = typeof cell === 'object' && cell !== null ? cell.text : cell;
            const hidden = typeof cell === 'object' && cell !== null && cell.hidden;
            const tag = index === 0 ? 'th' : 'td';
            return h(tag, {
                scope: index === 0 ? 'row' : null,
                class: [column.numeric ? 'number' : null, hidden ? 'suppressed' : null],
                title: hidden ? privacyText('short_explanation') : null,
            }, text);
        })))));
}
