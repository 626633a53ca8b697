// The pages of all districts and of all value chains, for the programme's managers: every district or value chain
// ranked on any indicator, a cross table coloured by value, and a side-by-side comparison over time.
import { fetchIndicator } from '../api.js';
import { rankedBarOption } from '../charts/options.js';
import { chartCard } from '../components/chart-card.js';
import { checklistControl, selectControl } from '../components/controls.js';
import { heatTableCard } from '../components/heat-table.js';
import { dateView, queryDates } from '../date-rule.js';
import { h } from '../dom.js';
import { indicatorDescription, indicatorLabel, t, valueLabel } from '../i18n.js';
import { formatValue } from '../format.js';
import { provinces, valueChains, valuesOf } from '../reference.js';
import { listParam, navigate, withParams } from '../state.js';
import { acceptsDimension, answerTable, chartText, dateControls, fill, filterBar, indicatorSelect, pageHeader, valueOptions } from './common.js';
import { KINDS, chosenIndicator, drawTrend, keptParams, rankedItems } from './place-kinds.js';
import { INDICATOR_STAGES, cooperativeListHash } from './cooperatives.js';

export function renderPlaces({ root, state, catalogue, snapshot }, kindName) {
    const kind = KINDS[kindName];
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    const entry = chosenIndicator(params, catalogue, kind.dimension);
    const indicator = entry.id;
    const filterAllowed = entry.dimensions.includes(kind.filter);
    const filter = filterAllowed && params[kind.filter] ? { [kind.filter]: params[kind.filter] } : {};
    const dates = queryDates(params, { kind: entry.kind });
    const text = chartText(entry.unit, kind.dimension);
    const prefix = kind.listPage;

    root.append(
        pageHeader(t(`${prefix}.title`), t(`${prefix}.lead`)),
        filterBar(t('controls.filters'),
            indicatorSelect({ id: `${prefix}-indicator`, value: indicator, catalogue, filter: acceptsDimension(kind.dimension), update }),
            filterAllowed ? selectControl({ id: `${prefix}-filter`, label: t(`dimensions.${kind.filter}`), value: params[kind.filter],
                allLabel: t(`controls.all_${kind.filter}`), options: valueOptions(kind.filter), onChange: (value) => update({ [kind.filter]: value }) }) : null,
            ...dateControls({ idPrefix: prefix, view: dateView(entry.kind), params, snapshot, update })),
        h('p', { class: 'indicator-lead' }, h('strong', {}, indicatorLabel(indicator)), ' — ', indicatorDescription(indicator)));

    const ranking = chartCard({ id: 'ranking', title: t(`${prefix}.ranking_title`, { indicator: indicatorLabel(indicator) }),
        subtitle: t(`${prefix}.ranking_subtitle`), indicators: [indicator], catalogue, height: kind.dimension === 'district' ? 820 : 520,
        fileName: `${indicator}-by-${kind.dimension}` });
    root.append(ranking.element);
    fill(ranking, async () => {
        const parameters = { by: kind.rankBy.join(','), ...filter, ...dates };
        const [answer, programme] = await Promise.all([fetchIndicator(indicator, parameters), fetchIndicator(indicator, { ...filter, ...dates })]);
        if (answer.rows.length === 0) {
            ranking.empty(t('states.empty'));
            return;
        }
        const total = programme.rows[0] ?? null;
        const items = rankedItems(kind, answer.rows);
        ranking.draw({
            option: rankedBarOption({
                items,
                groups: kind.dimension === 'district' ? provinces().map(({ province }) => ({ key: province, label: valueLabel('province', province) })) : [],
                reference: total && !total.suppressed && total.value !== null && entry.unit !== 'count'
                    ? { value: total.value, label: t('charts.programme_value', { value: formatValue(total.value, entry.unit) }) } : null,
                text,
            }),
            table: answerTable(answer, entry.unit),
            rows: answer.rows,
            answer,
            exportQuery: { indicator, parameters },
            summary: t('charts.ranking_summary', { first: text.label(items[0].key), value: text.value(items[0].cell?.value) }),
            onSelect: (key) => navigate({ page: kind.itemPage, item: key, params: { indicator, ...keptParams(params) } }),
        });
    });

    if (entry.dimensions.includes(kind.cross)) {
        const parameters = { by: `${kind.dimension},${kind.cross}`, ...filter, ...dates };
        const cross = heatTableCard({ id: 'cross', title: t(`${prefix}.cross_title`), subtitle: t(`${prefix}.cross_subtitle`, { indicator: indicatorLabel(indicator) }),
            entry, parameters, rowsDimension: kind.dimension, columnsDimension: kind.cross, rowKeys: crossRowKeys(kind),
            rowHref: (key) => `#/${kind.itemPage}/${encodeURIComponent(key)}`,
            // a cell of a cooperative indicator opens the list of the cooperatives behind it (for programme staff)
            cellHref: INDICATOR_STAGES[indicator] ? (rowKey, column) => cooperativeListHash({ [kind.dimension]: rowKey, [kind.cross]: column,
                stage: INDICATOR_STAGES[indicator], as_of: params.as_of }) : null });
        root.append(cross.element);
        fetchIndicator(indicator, parameters).then(cross.draw, cross.error);
    }

    const known = valuesOf(kind.dimension);
    const chosen = listParam(params, 'compare').filter((item) => known.includes(item));
    // the defaults are names of the contract's reference data, which a snapshot may have edited
    const compared = chosen.length > 0 ? chosen : kind.compareDefault.filter((item) => known.includes(item));
    const compare = chartCard({ id: 'compare', title: t(`${prefix}.compare_title`), subtitle: t(`${prefix}.compare_subtitle`, { indicator: indicatorLabel(indicator) }),
        indicators: [indicator], catalogue, height: 360, fileName: `${indicator}-compared` });
    compare.element.querySelector('.card-header').after(h('div', { class: 'filters inline' },
        checklistControl({ id: `${prefix}-compare`, label: t(`${prefix}.compare_choose`), selected: compared, max: 6,
            options: valueOptions(kind.dimension), noneLabel: t('controls.none'), onChange: (values) => update({ compare: values.length ? values : null }) })));
    root.append(compare.element);
    fill(compare, async () => {
        const series = queryDates(params, { kind: entry.kind, series: true, view: dateView(entry.kind) });
        const parameters = { by: kind.dimension, [kind.dimension]: compared.join(','), grain: 'quarter', ...filter, ...series };
        const [answer, programme] = await Promise.all([fetchIndicator(indicator, parameters),
            fetchIndicator(indicator, { grain: 'quarter', ...filter, ...series })]);
        drawTrend(compare, { answer, programme, dimension: kind.dimension, keys: compared, entry, exportQuery: { indicator, parameters } });
    });
}

/** The cross table's rows: districts under their province's heading, or value chains. */
function crossRowKeys(kind) {
    return kind.dimension === 'district'
        ? provinces().flatMap(({ province, districts }) => [{ group: province }, ...districts.map((district) => ({ key: district }))])
        : valueChains().map((code) => ({ key: code }));
}
