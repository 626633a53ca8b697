// One cooperative's page: its place and value chain, its funnel as a timeline with the days between steps, the
// sessions it attended, its coaching visits with their maturity scores, and (for programme staff) its members over
// time. A cooperative is an organisation: its name and steps are public; counts of its people are not (see
// docs/disclosure-rule-draft.md), so the public page says they are shown to programme staff.
import { fetchCooperative } from '../api.js';
import { trendOption } from '../charts/options.js';
import { chartCard, renderTable } from '../components/chart-card.js';
import { h } from '../dom.js';
import { t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger } from '../format.js';
import { fill, pageHeader } from './common.js';
import { cooperativeSearchForm } from './cooperatives.js';

/** An axis label or figure of people or points: whole numbers only (the axis' halves stay unlabelled). */
function wholeNumber(value) {
    return Number.isInteger(value) ? formatInteger(value) : '';
}

/** The funnel step's line: '38 days after the previous step · day 38'. */
export function stepDays(step) {
    if (!step.reached_on) {
        return t('cooperative.not_reached');
    }
    if (step.days_since_previous === null) {
        return t('cooperative.start');
    }
    return t('cooperative.days_after', { days: formatInteger(step.days_since_previous), total: formatInteger(step.days_since_formed) });
}

export function renderCooperative({ root, state }) {
    const id = state.item ?? '';
    const body = h('div', { id: 'cooperative', dataset: { state: 'loading' } }, h('p', { class: 'chart-status static' }, t('states.loading')));
    root.append(body);
    fetchCooperative(id).then((profile) => {
        body.replaceChildren(...story(profile));
        body.dataset.state = 'ready';
    }).catch((error) => {
        const missing = error?.status === 404 || error?.status === 400;
        body.replaceChildren(pageHeader(missing ? t('states.not_found') : t('states.unavailable_title'),
            missing ? t('cooperative.not_found', { id }) : t('states.error', { message: error.message })),
        cooperativeSearchForm({ id: 'cooperative-search', value: '' }));
        body.dataset.state = 'error';
    });
}

function story(profile) {
    const district = profile.district;
    const valueChain = profile.value_chain;
    const placeLinks = [
        district ? h('a', { href: `#/district/${encodeURIComponent(district)}`, id: 'cooperative-district' }, district) : '–',
        ', ', profile.province ? valueLabel('province', profile.province) : '–', ' · ',
        h('a', { href: `#/value-chain/${encodeURIComponent(valueChain)}`, id: 'cooperative-value-chain' }, valueLabel('value_chain', valueChain)),
    ];
    const flags = [];
    if (profile.stuck.is_unregistered) {
        flags.push(h('span', { class: 'flag flag-stuck', id: 'stuck-unregistered' }, t('cooperative.stuck_unregistered', { days: profile.stuck.unregistered_days })));
    }
    if (profile.stuck.is_unvisited) {
        flags.push(h('span', { class: 'flag flag-stuck', id: 'stuck-unvisited' }, t('cooperative.stuck_unvisited', { days: profile.stuck.unvisited_days })));
    }
    const parts = [
        h('nav', { class: 'breadcrumb', 'aria-label': t('overview.breadcrumb') }, h('ol', {},
            h('li', {}, h('a', { href: '#/cooperatives' }, t('nav.cooperatives'))),
            district ? h('li', {}, h('a', { href: `#/district/${encodeURIComponent(district)}` }, district)) : null,
            h('li', {}, h('span', { 'aria-current': 'page' }, profile.name ?? profile.cooperative_id)))),
        pageHeader(profile.name ?? profile.cooperative_id, [h('span', { id: 'cooperative-id' }, profile.cooperative_id), ' · ', ...placeLinks]),
        flags.length > 0 ? h('p', { class: 'flags', id: 'stuck-flags' }, ...flags) : null,
        h('h2', { class: 'section-title' }, t('cooperative.funnel')),
        h('ol', { class: 'timeline', id: 'cooperative-funnel' }, profile.funnel.map((step) => h('li', {
            class: step.reached_on ? 'reached' : 'pending', dataset: { step: step.step, reachedOn: step.reached_on ?? '' } },
        h('span', { class: 'timeline-step' }, t(`cooperative.steps.${step.step}`)),
        h('span', { class: 'timeline-date' }, step.reached_on ? formatDate(step.reached_on) : '–'),
        h('span', { class: 'timeline-days' }, stepDays(step))))),
        trainingsSection(profile),
    ];
    const visits = chartCard({ id: 'cooperative-visits', title: t('cooperative.visits_title'), subtitle: t('cooperative.visits_subtitle'),
        height: 260, fileName: `${profile.cooperative_id}-visits` });
    parts.push(visits.element);
    fill(visits, async () => {
        if (profile.visits.length === 0) {
            visits.empty(t('cooperative.no_visits'));
            return;
        }
        const rows = profile.visits.map((visit) => ({ visited_on: visit.visited_on, maturity_score: visit.maturity_score }));
        visits.draw({
            option: trendOption({ periods: rows.map((row) => row.visited_on),
                seriesList: [{ key: 'maturity_score', name: t('cooperative.maturity_score'), cells: rows.map((row) => ({ value: row.maturity_score })) }],
                axes: [{ format: wholeNumber }], text: { period: (key) => formatDate(key), hidden: t('suppression.hidden') } }),
            table: { columns: [{ label: t('cooperative.visited_on') }, { label: t('cooperative.maturity_score'), numeric: true }],
                rows: rows.map((row) => [formatDate(row.visited_on), formatInteger(row.maturity_score)]) },
            rows,
            answer: { as_of: profile.as_of, snapshot: profile.snapshot },
        });
    });
    if (profile.member_counts_shown) {
        const members = chartCard({ id: 'cooperative-members', title: t('cooperative.members_title'), subtitle: t('cooperative.members_subtitle'),
            height: 280, fileName: `${profile.cooperative_id}-members` });
        parts.push(members.element);
        fill(members, async () => {
            const rows = profile.members.map((count) => ({ counted_on: count.counted_on, members_active: count.members_active,
                women: count.by_sex.F, men: count.by_sex.M, sex_unknown: count.by_sex.U, ...Object.fromEntries(Object.entries(count.by_age_band)
                    .map(([band, value]) => [`age_${band}`, value])) }));
            if (rows.length === 0) {
                members.empty(t('states.no_members'));
                return;
            }
            const line = (key, name) => ({ key, name, cells: rows.map((row) => ({ value: row[key] })) });
            members.draw({
                option: trendOption({ periods: rows.map((row) => row.counted_on),
                    seriesList: [line('members_active', t('cooperative.members_active')), line('women', valueLabel('sex', 'F')), line('men', valueLabel('sex', 'M'))],
                    axes: [{ format: wholeNumber }], text: { period: (key) => formatDate(key), hidden: t('suppression.hidden') } }),
                table: { columns: [{ label: t('cooperative.counted_on') }, { label: t('cooperative.members_active'), numeric: true },
                    ...['F', 'M', 'U'].map((sex) => ({ label: valueLabel('sex', sex), numeric: true })),
                    ...['16-30', '31-45', '46-60', '61+', 'unknown'].map((band) => ({ label: valueLabel('age_band', band), numeric: true }))],
                rows: rows.map((row) => [formatDate(row.counted_on), formatInteger(row.members_active), formatInteger(row.women), formatInteger(row.men),
                    formatInteger(row.sex_unknown), ...['16-30', '31-45', '46-60', '61+', 'unknown'].map((band) => formatInteger(row[`age_${band}`]))]) },
                rows,
                answer: { as_of: profile.as_of, snapshot: profile.snapshot },
                summary: t('cooperative.members_summary', { count: formatInteger(rows[rows.length - 1].members_active), date: formatDate(rows[rows.length - 1].counted_on) }),
            });
        });
    }
    else {
        parts.push(h('section', { class: 'card', id: 'cooperative-members-note' }, h('h2', {}, t('cooperative.members_title')),
            h('p', {}, t('cooperative.members_staff_only'))));
    }
    parts.push(h('p', { class: 'page-note' }, t('place.as_of_note', { date: formatDate(profile.as_of) })));
    return parts.filter(Boolean);
}

function trainingsSection(profile) {
    const withAttendees = profile.trainings.some((training) => training.attendees !== undefined);
    const columns = [{ label: t('cooperative.held_on') }, { label: t('dimensions.topic') }, { label: t('cooperative.session') }, { label: t('dimensions.district') },
        ...(withAttendees ? [{ label: t('cooperative.attendees'), numeric: true }] : [])];
    const rows = profile.trainings.map((training) => [formatDate(training.held_on), valueLabel('topic', training.topic), training.session_id,
        training.session_district ?? '–', ...(withAttendees ? [formatInteger(training.attendees)] : [])]);
    return h('section', { class: 'card', id: 'cooperative-trainings', 'aria-labelledby': 'cooperative-trainings-title' },
        h('h2', { id: 'cooperative-trainings-title' }, t('cooperative.trainings_title')),
        rows.length === 0 ? h('p', { class: 'chart-status static' }, t('cooperative.no_trainings'))
            : h('div', { class: 'figures-table' }, renderTable({ columns, rows }, t('cooperative.trainings_title'))));
}
