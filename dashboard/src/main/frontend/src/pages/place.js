// One district's or one value chain's page: progress to target (or key figures), its trend against its province and
// the programme, and its breakdown by value chain (a district) or by district (a value chain).
import { fetchIndicator } from '../api.js';
import { rankedBarOption } from '../charts/options.js';
import { chartCard } from '../components/chart-card.js';
import { dateView, queryDates } from '../date-rule.js';
import { h } from '../dom.js';
import { indicatorLabel, privacyText, t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger, formatPercent, formatValue } from '../format.js';
import { provinces, provinceOf, valuesOf } from '../reference.js';
import { navigate, withParams } from '../state.js';
import { acceptsDimension, answerTable, chartText, dateControls, fill, filterBar, indicatorSelect, pageHeader, targetDetail } from './common.js';
import { KINDS, chosenIndicator, drawTrend, keptParams, rankedItems, trendSubtitle } from './place-kinds.js';
import { cooperativeListHash, cooperativeSearchForm } from './cooperatives.js';

/** One district's or value chain's page: progress (or key figures), its trend, and its breakdown. */
export function renderPlace({ root, state, catalogue, snapshot }, kindName) {
    const kind = KINDS[kindName];
    const item = state.item;
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    if (!valuesOf(kind.dimension).includes(item)) {
        root.append(pageHeader(t('states.not_found'), t('states.not_found_detail', { item: item ?? '' })));
        return;
    }
    const entry = chosenIndicator(params, catalogue, kind.dimension);
    const indicator = entry.id;
    const itemLabel = valueLabel(kind.dimension, item);
    const province = kind.dimension === 'district' ? provinceOf(item) : null;
    const dates = queryDates(params, { kind: entry.kind });

    root.append(
        h('nav', { class: 'breadcrumb', 'aria-label': t('overview.breadcrumb') }, h('ol', {},
            h('li', {}, h('a', { href: `#/${kind.listPage}` }, t(`nav.${kind.listPage}`))),
            province ? h('li', {}, h('a', { href: `#/overview?province=${encodeURIComponent(province)}` }, valueLabel('province', province))) : null,
            h('li', {}, h('span', { 'aria-current': 'page' }, itemLabel)))),
        pageHeader(itemLabel, province ? t('place.district_lead', { province: valueLabel('province', province) }) : t('place.value_chain_lead')),
        filterBar(t('controls.filters'),
            indicatorSelect({ id: 'place-indicator', value: indicator, catalogue, filter: acceptsDimension(kind.dimension), update }),
            ...dateControls({ idPrefix: 'place', view: dateView(entry.kind), params, snapshot, update })));

    const progress = h('section', { class: 'headlines', id: 'progress', 'aria-label': t('place.progress') });
    root.append(h('h2', { class: 'section-title' }, kind.dimension === 'district' ? t('place.progress') : t('place.key_figures')), progress);
    const tiles = kind.dimension === 'district'
        ? [['formation_target_attainment', 'formed'], ['registration_target_attainment', 'registered'], ['training_target_attainment', 'trainings']]
        : [['coops_formed', null], ['formalisation_rate', null], ['members_active', null], ['women_share', null]];
    for (const [tileIndicator, target] of tiles) {
        const tile = h('div', { class: 'tile', dataset: { state: 'loading' } }, h('p', { class: 'tile-label' }, target ? t(`headlines.${target}`) : indicatorLabel(tileIndicator)),
            h('p', { class: 'tile-value' }, h('span', { class: 'skeleton' }, '…')));
        progress.append(tile);
        const tileEntry = catalogue.get(tileIndicator);
        // the tiles are at the page's as-of date, whatever the chosen indicator's controls
        const tileDates = queryDates(params, { kind: tileEntry.kind, view: 'as_of' });
        fetchIndicator(tileIndicator, { [kind.dimension]: item, ...tileDates }).then((answer) => {
            const row = answer.rows[0] ?? null;
            const value = h('p', { class: 'tile-value' });
            const parts = [tile.firstChild, value];
            if (target) {
                value.textContent = formatInteger(row?.numerator ?? 0);
                if (row && row.denominator !== null) {
                    parts.push(h('progress', { max: 100, value: Math.min(100, Math.round((row.value ?? 0) * 100)), class: row.value >= 1 ? 'met' : null,
                        'aria-label': t('headlines.progress', { share: formatPercent(row.value) }) }),
                    h('p', { class: 'tile-detail' }, targetDetail(target, row.denominator, row.value)));
                }
                else {
                    parts.push(h('p', { class: 'tile-detail' }, t('headlines.no_target')));
                }
            }
            else if (row?.suppressed) {
                value.textContent = t('suppression.hidden');
                value.classList.add('suppressed');
                parts.push(h('p', { class: 'tile-detail' }, privacyText('short_explanation')));
            }
            else {
                value.textContent = formatValue(row?.value ?? (tileEntry.unit === 'count' ? 0 : null), tileEntry.unit, true);
            }
            tile.replaceChildren(...parts);
            tile.dataset.state = 'ready';
        }).catch((error) => {
            tile.replaceChildren(tile.firstChild, h('p', { class: 'tile-error', role: 'alert' }, t('states.error', { message: error.message })));
            tile.dataset.state = 'error';
        });
    }

    // its cooperatives one by one: the search for anyone, the list of them all for programme staff
    root.append(h('section', { class: 'card cooperatives-entry', id: 'place-cooperatives', 'aria-label': t('cooperatives.find') },
        cooperativeSearchForm({ id: 'place-cooperative-search', value: '' }),
        h('a', { id: 'place-cooperative-list', href: cooperativeListHash({ [kind.dimension]: item, as_of: params.as_of }) },
            t('cooperatives.list_link', { item: itemLabel }))));

    const trend = chartCard({ id: 'place-trend', title: t('place.trend_title', { indicator: indicatorLabel(indicator), item: itemLabel }),
        subtitle: trendSubtitle(kind, entry), indicators: [indicator], catalogue, height: 340, fileName: `${indicator}-${item}-by-quarter` });
    root.append(trend.element);
    fill(trend, async () => {
        const series = queryDates(params, { kind: entry.kind, series: true, view: dateView(entry.kind) });
        const parameters = { [kind.dimension]: item, grain: 'quarter', ...series };
        const requests = [fetchIndicator(indicator, parameters), fetchIndicator(indicator, { grain: 'quarter', ...series })];
        if (province) {
            requests.push(fetchIndicator(indicator, { province, grain: 'quarter', ...series }));
        }
        const [answer, programme, provinceAnswer] = await Promise.all(requests);
        drawTrend(trend, { answer, programme, dimension: null, keys: [item], label: () => itemLabel, entry, exportQuery: { indicator, parameters },
            references: provinceAnswer ? [{ name: valueLabel('province', province), answer: provinceAnswer }] : [] });
    });

    const breakdownDimension = kind.dimension === 'district' ? 'value_chain' : 'district';
    if (entry.dimensions.includes(breakdownDimension)) {
        const breakdown = chartCard({ id: 'place-breakdown', title: t(`place.breakdown_${breakdownDimension}`, { indicator: indicatorLabel(indicator), item: itemLabel }),
            indicators: [indicator], catalogue, height: breakdownDimension === 'district' ? 820 : 520, fileName: `${indicator}-${item}-by-${breakdownDimension}` });
        root.append(breakdown.element);
        fill(breakdown, async () => {
            const by = breakdownDimension === 'district' ? 'province,district' : 'value_chain';
            const parameters = { by, [kind.dimension]: item, ...dates };
            const [answer, total] = await Promise.all([fetchIndicator(indicator, parameters), fetchIndicator(indicator, { [kind.dimension]: item, ...dates })]);
            if (answer.rows.length === 0) {
                breakdown.empty(t('states.empty'));
                return;
            }
            const breakdownKind = KINDS[breakdownDimension];
            const items = rankedItems(breakdownKind, answer.rows).filter((entryItem) => entryItem.cell);
            const reference = total.rows[0];
            breakdown.draw({
                option: rankedBarOption({
                    items,
                    groups: breakdownDimension === 'district' ? provinces().map(({ province: key }) => ({ key, label: valueLabel('province', key) })) : [],
                    reference: reference && !reference.suppressed && reference.value !== null && entry.unit !== 'count'
                        ? { value: reference.value, label: t('charts.item_value', { item: itemLabel, value: formatValue(reference.value, entry.unit) }) } : null,
                    text: chartText(entry.unit, breakdownDimension),
                }),
                height: Math.max(260, items.length * 26 + 90),
                table: answerTable(answer, entry.unit),
                rows: answer.rows,
                answer,
                exportQuery: { indicator, parameters },
                onSelect: (key) => navigate({ page: breakdownKind.itemPage, item: key, params: { indicator, ...keptParams(params) } }),
            });
        });
    }
    root.append(h('p', { class: 'page-note' }, t('place.as_of_note', { date: formatDate(params.as_of ?? snapshot.as_of) })));
}

