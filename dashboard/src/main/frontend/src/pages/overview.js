// Overview for donors: headline figures against targets, the formalisation funnel, the quarterly trend,
// women's and youth share, with a drill-down from the programme to a province and a district.
import { fetchIndicator } from '../api.js';
import { funnelOption, groupedBarOption, trendOption } from '../charts/options.js';
import { chartCard } from '../components/chart-card.js';
import { selectControl } from '../components/controls.js';
import { h } from '../dom.js';
import { indicatorLabel, privacyText, t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger, formatPercent, formatPrecisePercent, formatValue } from '../format.js';
import { provinces, provinceOf } from '../reference.js';
import { navigate, withParams } from '../state.js';
import { queryDates } from '../date-rule.js';
import { cellDetail, chartText, dateControls, fill, filterBar, pageHeader, targetDetail } from './common.js';

const FUNNEL = [
    { key: 'formed', indicator: 'coops_formed' },
    { key: 'trained', indicator: 'coops_trained_rate' },
    { key: 'registered', indicator: 'formalisation_rate' },
    { key: 'bdc', indicator: 'bdc_access_rate' },
    { key: 'union', indicator: 'union_affiliation_rate' },
];

export function renderOverview({ root, state, catalogue, snapshot }) {
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    const district = params.district ?? null;
    const province = district ? provinceOf(district) : params.province ?? null;
    const place = district ? { district } : province ? { province } : {};
    // the overview is a view at one date: its stocks at the as-of date, its flows and its series up to it
    const asOf = queryDates(params, { kind: 'stock', view: 'as_of' });
    const placeName = district ?? (province ? valueLabel('province', province) : t('overview.whole_programme'));

    const districtOptions = (province ? provinces().filter((entry) => entry.province === province) : provinces())
        .flatMap((entry) => entry.districts.map((name) => ({ value: name, label: name, group: valueLabel('province', entry.province) })));
    root.append(
        pageHeader(t('overview.title'), t('overview.lead', { place: placeName }),
            h('a', { class: 'report-link', id: 'report-link', href: `/report?${new URLSearchParams({ place: district ?? province ?? 'programme',
                ...(params.lang ? { lang: params.lang } : {}) })}` }, t('report.link'))),
        filterBar(t('controls.filters'),
            selectControl({ id: 'overview-province', label: t('dimensions.province'), value: province, allLabel: t('controls.all_provinces'),
                options: provinces().map((entry) => ({ value: entry.province, label: valueLabel('province', entry.province) })),
                onChange: (value) => update({ province: value, district: null }) }),
            selectControl({ id: 'overview-district', label: t('dimensions.district'), value: district, allLabel: t('controls.all_districts'),
                options: districtOptions, onChange: (value) => update({ district: value, province: value ? provinceOf(value) : province }) }),
            ...dateControls({ idPrefix: 'overview', view: 'as_of', params, snapshot, update })),
        breadcrumb(province, district, update));

    const headlines = h('section', { class: 'headlines', id: 'headlines', 'aria-label': t('overview.headlines'), 'aria-live': 'polite' });
    root.append(headlines);
    fillHeadlines(headlines, { place, asOf, params, snapshot });

    const funnel = chartCard({ id: 'funnel', title: t('overview.funnel_title'), subtitle: t('overview.funnel_subtitle'),
        indicators: FUNNEL.map((stage) => stage.indicator), catalogue, height: 300, fileName: 'formalisation-funnel' });
    const trend = chartCard({ id: 'trend', title: t('overview.trend_title'), subtitle: t('overview.trend_subtitle'),
        indicators: ['formalisation_rate'], catalogue, height: 340, fileName: 'formalisation-by-quarter' });
    const inclusionDimension = district ? 'value_chain' : province ? 'district' : 'province';
    const inclusion = chartCard({ id: 'inclusion', title: t('overview.inclusion_title', { dimension: t(`dimensions_plural.${inclusionDimension}`) }),
        subtitle: t('overview.inclusion_subtitle'), indicators: ['women_share', 'youth_share'], catalogue, height: 340, fileName: 'women-and-youth-share' });
    root.append(h('div', { class: 'grid-2' }, funnel.element, trend.element), inclusion.element);

    fill(funnel, async () => {
        const answers = await Promise.all(FUNNEL.map((stage) => fetchIndicator(stage.indicator, { ...place, ...asOf })));
        const formed = answers[0].rows[0]?.value ?? 0;
        if (formed === 0) {
            funnel.empty(t('states.no_cooperatives'));
            return;
        }
        const stages = FUNNEL.map((stage, index) => {
            const row = answers[index].rows[0];
            return { key: stage.key, count: index === 0 ? row.value : row.numerator, rate: index === 0 ? 1 : row.value };
        });
        funnel.draw({
            option: funnelOption({ stages, text: {
                label: (key) => t(`funnel.${key}`), count: formatInteger, short: formatPercent,
                rate: (rate) => t('funnel.of_formed', { rate: formatPrecisePercent(rate) }) } }),
            table: { columns: [{ label: t('funnel.stage') }, { label: t('funnel.cooperatives'), numeric: true }, { label: t('funnel.rate'), numeric: true }],
                rows: stages.map((stage) => [t(`funnel.${stage.key}`), formatInteger(stage.count), formatPrecisePercent(stage.rate)]) },
            rows: stages.map((stage, index) => ({ stage: stage.key, indicator: FUNNEL[index].indicator, cooperatives: stage.count, rate_of_formed: stage.rate })),
            answer: answers[0],
            summary: stages.map((stage) => `${t(`funnel.${stage.key}`)}: ${formatInteger(stage.count)}`).join('; '),
        });
    });

    fill(trend, async () => {
        const parameters = { ...place, grain: 'quarter', ...queryDates(params, { kind: 'stock', series: true, view: 'as_of' }) };
        const answer = await fetchIndicator('formalisation_rate', parameters);
        if (answer.rows.length === 0) {
            trend.empty(t('states.no_cooperatives'));
            return;
        }
        const periods = answer.rows.map((row) => row.period);
        const count = (value) => formatInteger(value);
        trend.draw({
            option: trendOption({
                periods,
                axes: [{ format: count }, { format: (value, precise) => (precise ? formatPrecisePercent(value) : formatPercent(value)) }],
                seriesList: [
                    { key: 'formed', name: t('funnel.formed'), axis: 0, cells: answer.rows.map((row) => ({ ...row, value: row.denominator })) },
                    { key: 'registered', name: t('funnel.registered'), axis: 0, cells: answer.rows.map((row) => ({ ...row, value: row.numerator })) },
                    { key: 'rate', name: indicatorLabel('formalisation_rate'), axis: 1, dashed: true, cells: answer.rows },
                ],
                text: chartText('rate', 'period'),
            }),
            table: {
                columns: [{ label: t('dimensions.period') }, { label: t('funnel.formed'), numeric: true }, { label: t('funnel.registered'), numeric: true },
                    { label: indicatorLabel('formalisation_rate'), numeric: true }],
                rows: answer.rows.map((row) => [valueLabel('period', row.period), formatInteger(row.denominator), formatInteger(row.numerator), formatPrecisePercent(row.value)]),
            },
            rows: answer.rows,
            answer,
            exportQuery: { indicator: 'formalisation_rate', parameters },
            summary: t('overview.trend_summary', { first: valueLabel('period', periods[0]), last: valueLabel('period', periods.at(-1)),
                rate: formatPrecisePercent(answer.rows.at(-1).value) }),
        });
    });

    fill(inclusion, async () => {
        const parameters = { ...place, ...asOf, by: inclusionDimension };
        const [women, youth] = await Promise.all([fetchIndicator('women_share', parameters), fetchIndicator('youth_share', parameters)]);
        const keys = [...new Set([...women.rows, ...youth.rows].map((row) => row[inclusionDimension]))];
        if (keys.length === 0) {
            inclusion.empty(t('states.no_members'));
            return;
        }
        const cell = (answer, key) => answer.rows.find((row) => row[inclusionDimension] === key) ?? null;
        const horizontal = keys.length > 6;
        inclusion.draw({
            option: groupedBarOption({ categories: keys, horizontal, text: chartText('rate', inclusionDimension), seriesList: [
                { key: 'women_share', name: indicatorLabel('women_share'), cells: keys.map((key) => cell(women, key)) },
                { key: 'youth_share', name: indicatorLabel('youth_share'), cells: keys.map((key) => cell(youth, key)) }] }),
            height: horizontal ? Math.max(340, keys.length * 34 + 60) : 340,
            table: {
                columns: [{ label: t(`dimensions.${inclusionDimension}`) }, { label: indicatorLabel('women_share'), numeric: true },
                    { label: indicatorLabel('youth_share'), numeric: true }],
                rows: keys.map((key) => [valueLabel(inclusionDimension, key), shareCell(cell(women, key)), shareCell(cell(youth, key))]),
            },
            rows: [...women.rows.map((row) => ({ indicator: 'women_share', ...row })), ...youth.rows.map((row) => ({ indicator: 'youth_share', ...row }))],
            answer: women,
        });
    });
}

function shareCell(row) {
    if (!row) {
        return '–';
    }
    return row.suppressed ? { text: t('suppression.hidden'), hidden: true } : formatPrecisePercent(row.value);
}

function breadcrumb(province, district, update) {
    const items = [h('li', {}, province ? h('button', { type: 'button', class: 'link-button', onclick: () => update({ province: null, district: null }) },
        t('overview.whole_programme')) : h('span', { 'aria-current': 'page' }, t('overview.whole_programme')))];
    if (province) {
        items.push(h('li', {}, district ? h('button', { type: 'button', class: 'link-button', onclick: () => update({ district: null }) },
            valueLabel('province', province)) : h('span', { 'aria-current': 'page' }, valueLabel('province', province))));
    }
    if (district) {
        items.push(h('li', {}, h('span', { 'aria-current': 'page' }, district)),
            h('li', { class: 'breadcrumb-more' }, h('a', { href: `#/district/${encodeURIComponent(district)}` }, t('overview.district_page', { district }))));
    }
    return h('nav', { class: 'breadcrumb', 'aria-label': t('overview.breadcrumb') }, h('ol', {}, items));
}

/** The headline tiles: figures against their targets, members, women's and youth share. */
async function fillHeadlines(container, { place, asOf, params }) {
    const tiles = [
        { id: 'formed', indicator: 'formation_target_attainment', kind: 'target' },
        { id: 'registered', indicator: 'registration_target_attainment', kind: 'target' },
        { id: 'trainings', indicator: 'training_target_attainment', kind: 'target', flow: true },
        { id: 'members', indicator: 'members_active', kind: 'count' },
        { id: 'women', indicator: 'women_share', kind: 'share' },
        { id: 'youth', indicator: 'youth_share', kind: 'share' },
    ];
    const elements = tiles.map((tile) => {
        const element = h('div', { class: 'tile', id: `tile-${tile.id}`, dataset: { state: 'loading' } },
            h('p', { class: 'tile-label' }, t(`headlines.${tile.id}`)),
            h('p', { class: 'tile-value' }, h('span', { class: 'skeleton' }, '…')));
        container.append(element);
        return element;
    });
    await Promise.all(tiles.map(async (tile, index) => {
        const element = elements[index];
        try {
            const dates = queryDates(params, { kind: tile.flow ? 'flow' : 'stock', view: 'as_of' });
            const answer = await fetchIndicator(tile.indicator, { ...place, ...dates });
            const row = answer.rows[0] ?? null;
            element.replaceChildren(...headlineContent(tile, row, answer));
            element.dataset.state = 'ready';
        }
        catch (error) {
            element.replaceChildren(h('p', { class: 'tile-label' }, t(`headlines.${tile.id}`)),
                h('p', { class: 'tile-error', role: 'alert' }, t('states.error', { message: error.message })));
            element.dataset.state = 'error';
        }
    }));
}

function headlineContent(tile, row, answer) {
    const label = h('p', { class: 'tile-label' }, t(`headlines.${tile.id}`));
    if (tile.kind === 'target') {
        const achieved = row?.numerator ?? 0;
        const target = row?.denominator ?? null;
        const parts = [label, h('p', { class: 'tile-value' }, formatInteger(achieved))];
        if (target === null) {
            parts.push(h('p', { class: 'tile-detail' }, t('headlines.no_target')));
        }
        else {
            const share = row.value ?? 0;
            parts.push(
                h('progress', { class: share >= 1 ? 'met' : null, max: 100, value: Math.min(100, Math.round(share * 100)),
                    'aria-label': t('headlines.progress', { share: formatPercent(share) }) }),
                h('p', { class: 'tile-detail' }, targetDetail(tile.id, target, share)));
        }
        if (tile.flow && answer.from) {
            parts.push(h('p', { class: 'tile-note' }, t('headlines.range', { from: formatDate(answer.from), to: formatDate(answer.to) })));
        }
        return parts;
    }
    if (!row) {
        return [label, h('p', { class: 'tile-value' }, '–'), h('p', { class: 'tile-detail' }, t('states.no_members'))];
    }
    if (row.suppressed) {
        return [label, h('p', { class: 'tile-value suppressed', title: privacyText('short_explanation') }, t('suppression.hidden')),
            h('p', { class: 'tile-detail' }, privacyText('short_explanation'))];
    }
    if (tile.kind === 'count') {
        return [label, h('p', { class: 'tile-value' }, formatInteger(row.value)), h('p', { class: 'tile-detail' }, t('headlines.members_detail'))];
    }
    return [label, h('p', { class: 'tile-value' }, formatValue(row.value, 'rate', true)), h('p', { class: 'tile-detail' }, cellDetail(row, 'rate'))];
}
