// The quarterly donor report (/report?period=2020-Q4&place=Gasabo&lang=fr): a print-ready page for one period and
// place, every figure read from the same JSON API as the dashboard and every chart drawn by the dashboard's option
// builders. The body's data-view turns 'ready' once every section has its figures (the PDF is printed then).
import { fetchDataQuality, fetchIndicator, fetchLineage, fetchReference, fetchSession } from './api.js';
import { fileColumns, fileRows, lineageFacts } from './lineage.js';
import { echarts } from './charts/echarts.js';
import { FONT, funnelOption, groupedBarOption, rankedBarOption } from './charts/options.js';
import { drawnFigures, renderTable } from './components/chart-card.js';
import { h } from './dom.js';
import { LANGUAGES, chooseLanguage, language, periodLabel, privacyText, setLanguage, t, valueLabel } from './i18n.js';
import { formatDate, formatInteger, formatPercent, formatPrecisePercent } from './format.js';
import { provinces, setReference } from './reference.js';
import { reasonText } from './reasons.js';
import { choosablePeriods, parsePeriod, periodDates, previousPeriod, quarterOf } from './report/period.js';
import { districtSentence } from './report/sentences.js';

const FUNNEL = [
    { key: 'formed', indicator: 'coops_formed' },
    { key: 'trained', indicator: 'coops_trained_rate' },
    { key: 'registered', indicator: 'formalisation_rate' },
    { key: 'bdc', indicator: 'bdc_access_rate' },
    { key: 'union', indicator: 'union_affiliation_rate' },
];
// the width of a chart on the sheet (A4 less its margins, 182 mm at 96 px per inch), fixed so that print keeps the layout
const CHART_WIDTH = 680;

const root = document.getElementById('report');
const params = new URLSearchParams(window.location.search);
let pending = 0;

/** The place of the URL: the whole programme, a province or a district of the reference data. */
function placeOf(name) {
    if (!name || name === 'programme') {
        return { kind: 'programme', filter: {}, label: t('report.whole_programme'), districts: provinces().flatMap((entry) => entry.districts) };
    }
    const province = provinces().find((entry) => entry.province === name);
    if (province) {
        return { kind: 'province', filter: { province: name }, label: valueLabel('province', name), districts: province.districts };
    }
    const district = provinces().flatMap((entry) => entry.districts).find((entry) => entry === name);
    return district ? { kind: 'district', filter: { district }, label: district, districts: [district] } : null;
}

/** A section whose figures arrive later: it counts as pending until its work ends, drawn or failed. */
function section(id, title, { breakBefore = false } = {}) {
    const body = h('div', { class: 'section-body' });
    const element = h('section', { class: ['report-section', breakBefore ? 'page-break' : null], id, dataset: { state: 'loading' } },
        h('h2', {}, title), body);
    root.append(element);
    return { element, body };
}

async function fillSection(target, work) {
    pending += 1;
    try {
        await work(target.body);
        target.element.dataset.state = 'ready';
    }
    catch (error) {
        target.body.replaceChildren(h('p', { class: 'report-error', role: 'alert' }, t('states.error', { message: error.message })));
        target.element.dataset.state = 'error';
    }
    finally {
        pending -= 1;
        markReady();
    }
}

function markReady() {
    if (pending === 0 && !root.querySelector('[data-state="loading"], [data-state="drawing"]')) {
        document.body.dataset.view = 'ready';
    }
}

/** A chart on the sheet, drawn at a fixed size by one of the dashboard's option builders; its figures read back as the dashboard's. */
function chart(id, option, height) {
    const element = h('div', { class: 'report-chart', id: `${id}-chart`, dataset: { state: 'drawing' } });
    element.style.width = `${CHART_WIDTH}px`;
    element.style.height = `${height}px`;
    requestAnimationFrame(() => {
        const instance = echarts.init(element, null, { renderer: 'canvas', devicePixelRatio: 2 });
        instance.on('finished', () => {
            if (element.dataset.state !== 'drawn') {
                element.dataset.drawn = JSON.stringify(drawnFigures(instance));
                element.dataset.state = 'drawn';
                markReady();
            }
        });
        instance.setOption({ ...option, textStyle: { ...option.textStyle, fontFamily: FONT } });
    });
    return h('figure', { class: 'keep' }, element);
}

const count = (row, field = 'value') => (row ? row[field] : 0);
const byKey = (answer, key) => new Map(answer.rows.map((row) => [row[key], row]));
/** A figure as the sentences take it: null when hidden; a missing row is zero (the API leaves out zero cells). */
const shown = (row, field = 'value', missing = 0) => (!row ? missing : row.suppressed ? null : row[field]);
const hiddenCell = () => ({ text: t('suppression.hidden'), hidden: true });
const integerCell = (row, field = 'value') => (row?.suppressed ? hiddenCell() : formatInteger(count(row, field)));
const shareCell = (row) => (!row ? '–' : row.suppressed ? hiddenCell() : formatPrecisePercent(row.value));

function table(id, spec, caption) {
    const element = renderTable(spec, caption);
    element.id = id;
    element.classList.add('report-table');
    return h('div', { class: 'keep' }, element);
}

function keyed(tableElement, keys) {
    // each body row carries the API key of its row (a district, a topic), so that a test can read the figures back by key
    tableElement.querySelectorAll('tbody tr').forEach((row, index) => {
        row.dataset.key = keys[index];
    });
}

async function start() {
    setLanguage(chooseLanguage(params.get('lang')));
    document.body.dataset.view = 'loading';
    root.replaceChildren(h('p', { class: 'report-status' }, t('report.loading')));
    let snapshot;
    try {
        const [reference, answer] = await Promise.all([fetchReference(), fetchIndicator('coops_formed', { grain: 'quarter' })]);
        setReference(reference);
        // the periods one may choose start with the first quarter that has a cooperative
        snapshot = { as_of: answer.to, snapshot: answer.snapshot, first_quarter: answer.rows[0]?.period ?? quarterOf(answer.to) };
    }
    catch (error) {
        root.replaceChildren(h('p', { class: 'report-error', role: 'alert', id: 'report-failure' }, t('states.error', { message: error.message })));
        document.body.dataset.view = 'error';
        return;
    }
    const period = parsePeriod(params.get('period') ?? quarterOf(snapshot.as_of));
    const place = placeOf(params.get('place'));
    if (!period || !place) {
        root.replaceChildren(h('p', { class: 'report-error', role: 'alert', id: 'report-failure' }, t('states.empty')));
        document.body.dataset.view = 'error';
        return;
    }
    render({ period, place, snapshot });
}

function render({ period, place, snapshot }) {
    const previous = previousPeriod(period);
    const dates = periodDates(period, snapshot.as_of);
    const before = periodDates(previous, snapshot.as_of);
    const title = t(period.kind === 'year' ? 'report.title_year' : 'report.title_quarter');
    const periodName = periodLabel(period.id);
    const previousName = periodLabel(previous.id);
    const words = { end: formatDate(dates.end), from: formatDate(period.from), period: periodName, previous: previousName };
    document.title = `${title} · ${periodName} · ${place.label}`;
    root.replaceChildren();
    root.append(header({ title, period, periodName, place, snapshot, dates }));

    const byDistrict = { ...place.filter, by: 'district' };
    const stock = (id, extra = {}) => fetchIndicator(id, { ...place.filter, ...dates.stock, ...extra });
    const flow = (id, extra = {}) => fetchIndicator(id, { ...place.filter, ...dates.flow, ...extra });
    const stockBefore = (id, extra = {}) => fetchIndicator(id, { ...place.filter, ...before.stock, ...extra });
    const flowBefore = (id, extra = {}) => fetchIndicator(id, { ...place.filter, ...before.flow, ...extra });
    const perDistrict = Promise.all([
        fetchIndicator('formation_target_attainment', { ...byDistrict, ...dates.stock }),
        fetchIndicator('coops_registered', { ...byDistrict, ...dates.stock }),
        fetchIndicator('coops_registered', { ...byDistrict, ...before.stock }),
        fetchIndicator('training_target_attainment', { ...byDistrict, ...dates.flow }),
        fetchIndicator('members_active', { ...byDistrict, ...dates.stock }),
        fetchIndicator('women_share', { ...byDistrict, ...dates.stock }),
        fetchIndicator('youth_share', { ...byDistrict, ...dates.stock }),
    ]).then(([formation, registered, registeredBefore, training, members, women, youth]) => ({
        formation: byKey(formation, 'district'), registered: byKey(registered, 'district'), registeredBefore: byKey(registeredBefore, 'district'),
        training: byKey(training, 'district'), members: byKey(members, 'district'), women: byKey(women, 'district'), youth: byKey(youth, 'district'),
    }));

    fillSection(section('targets', t('report.sections.targets')), async (body) => {
        const [figures, formationTotal, registrationTotal, trainingTotal] = await Promise.all([perDistrict,
            stock('formation_target_attainment'), stock('registration_target_attainment'), flow('training_target_attainment')]);
        const reached = (row) => (row && row.value !== null && row.value !== undefined ? formatPercent(row.value) : t('report.targets.none'));
        const target = (row) => (row && row.denominator !== null && row.denominator !== undefined ? formatInteger(row.denominator) : t('report.targets.none'));
        const columns = [{ label: t('report.targets.district') },
            { label: t('report.targets.formed'), numeric: true }, { label: t('report.targets.target'), numeric: true }, { label: t('report.targets.reached'), numeric: true },
            { label: t('report.targets.registered'), numeric: true }, { label: t('report.targets.target'), numeric: true }, { label: t('report.targets.reached'), numeric: true },
            { label: t('report.targets.sessions'), numeric: true }, { label: t('report.targets.target'), numeric: true }, { label: t('report.targets.reached'), numeric: true }];
        const line = (name, formation, registration, training) => [name,
            formatInteger(count(formation, 'numerator')), target(formation), reached(formation),
            formatInteger(count(registration, 'numerator')), target(registration), reached(registration),
            formatInteger(count(training, 'numerator')), target(training), reached(training)];
        // a district's registrations have no target of their own: its cell is the count, without target
        const registrationOf = (district) => {
            const row = figures.registered.get(district);
            return { numerator: row?.value ?? 0, denominator: null, value: null };
        };
        const rows = place.districts.map((district) => line(district, figures.formation.get(district), registrationOf(district), figures.training.get(district)));
        const keys = [...place.districts];
        if (place.kind !== 'district') {
            rows.push(line(t('report.targets.total'), formationTotal.rows[0], registrationTotal.rows[0], trainingTotal.rows[0]));
            keys.push('total');
        }
        const wrapper = table('targets-table', { columns, rows }, t('report.sections.targets'));
        keyed(wrapper.querySelector('table'), keys);
        body.append(h('p', { class: 'section-lead' }, t('report.targets.lead', words)), wrapper);
    });

    fillSection(section('funnel', t('report.sections.funnel')), async (body) => {
        const answers = await Promise.all(FUNNEL.map((stage) => stock(stage.indicator)));
        const formed = answers[0].rows[0]?.value ?? 0;
        body.append(h('p', { class: 'section-lead' }, t('report.funnel_lead', words)));
        if (formed === 0) {
            body.append(h('p', { class: 'report-empty' }, t('states.no_cooperatives')));
            return;
        }
        const stages = FUNNEL.map((stage, index) => {
            const row = answers[index].rows[0];
            return { key: stage.key, count: index === 0 ? row.value : row?.numerator ?? 0, rate: index === 0 ? 1 : row?.value ?? 0 };
        });
        body.append(chart('report-funnel', funnelOption({ stages, text: {
            label: (key) => t(`funnel.${key}`), count: formatInteger, short: formatPercent,
            rate: (rate) => t('funnel.of_formed', { rate: formatPrecisePercent(rate) }) } }), 260));
    });

    fillSection(section('change', t('report.sections.change')), async (body) => {
        const pairs = await Promise.all([
            Promise.all([stockBefore('coops_formed'), stock('coops_formed')]),
            Promise.all([stockBefore('coops_registered'), stock('coops_registered')]),
            Promise.all([stockBefore('members_active'), stock('members_active')]),
            Promise.all([flowBefore('training_sessions'), flow('training_sessions')]),
            Promise.all([flowBefore('coaching_visits'), flow('coaching_visits')]),
        ]);
        const names = ['formed', 'registered', 'members', 'sessions', 'visits'];
        const rows = pairs.map(([then, now], index) => {
            const a = then.rows[0];
            const b = now.rows[0];
            const difference = a?.suppressed || b?.suppressed ? hiddenCell() : signed(count(b) - count(a));
            return [t(`report.change.${names[index]}`), integerCell(a), integerCell(b), difference];
        });
        const wrapper = table('change-table', { columns: [{ label: t('report.change.figure') }, { label: previousName, numeric: true },
            { label: periodName, numeric: true }, { label: t('report.change.change'), numeric: true }], rows }, t('report.sections.change'));
        keyed(wrapper.querySelector('table'), names);
        body.append(h('p', { class: 'section-lead' }, t('report.change.lead', words)), wrapper);
    });

    fillSection(section('ranking', t('report.sections.ranking'), { breakBefore: true }), async (body) => {
        const figures = await perDistrict;
        const attainment = place.districts.map((district) => ({ district, row: figures.formation.get(district) ?? null }))
            .filter((entry) => entry.row && entry.row.value !== null);
        attainment.sort((a, b) => b.row.value - a.row.value || a.district.localeCompare(b.district));
        body.append(h('p', { class: 'section-lead' }, t('report.ranking.lead', words)));
        if (attainment.length === 0) {
            body.append(h('p', { class: 'report-empty' }, t('states.no_cooperatives')));
            return;
        }
        const item = (entry) => h('li', { dataset: { key: entry.district } }, t('report.ranking.item', { district: entry.district,
            share: formatPercent(entry.row.value), formed: formatInteger(entry.row.numerator), target: formatInteger(entry.row.denominator) }));
        const ahead = attainment.filter((entry) => entry.row.value >= 1);
        // the three furthest from the target, ties in name order
        const behind = attainment.filter((entry) => entry.row.value < 1)
            .sort((a, b) => a.row.value - b.row.value || a.district.localeCompare(b.district)).slice(0, 3);
        body.append(h('div', { class: 'ahead-behind keep' },
            h('div', { id: 'ahead' }, h('h3', {}, t('report.ranking.ahead')),
                ahead.length ? h('ul', {}, ahead.map(item)) : h('p', {}, t('report.ranking.none_ahead'))),
            h('div', { id: 'behind' }, h('h3', {}, t('report.ranking.behind')), h('ul', {}, behind.map(item)))));
        const option = rankedBarOption({
            items: attainment.map((entry) => ({ key: entry.district, group: null, cell: entry.row })),
            groups: [{ key: null, label: '' }],
            reference: { value: 1, label: t('report.ranking.target_line') },
            text: { label: (key) => key, group: (key) => key, value: (value) => formatPercent(value), detail: () => '', hidden: t('suppression.hidden') },
        });
        // the axis reaches the target (100%) at least, so that its line shows however far behind the districts are
        const withTarget = { ...option, xAxis: { ...option.xAxis, max: ({ max }) => Math.max(1, max) } };
        body.append(chart('report-ranking', withTarget, Math.max(120, attainment.length * 22 + 50)));
    });

    fillSection(section('inclusion', t('report.sections.inclusion')), async (body) => {
        const figures = await perDistrict;
        const keys = place.districts.filter((district) => figures.women.has(district) || figures.youth.has(district));
        body.append(h('p', { class: 'section-lead' }, t('report.inclusion_lead', words)));
        if (keys.length === 0) {
            body.append(h('p', { class: 'report-empty' }, t('states.no_members')));
            return;
        }
        const option = groupedBarOption({ categories: keys, horizontal: true, text: textFor('rate'), seriesList: [
            { key: 'women_share', name: t('indicators.women_share.label'), cells: keys.map((key) => figures.women.get(key) ?? null) },
            { key: 'youth_share', name: t('indicators.youth_share.label'), cells: keys.map((key) => figures.youth.get(key) ?? null) }] });
        body.append(chart('report-inclusion', option, Math.max(140, keys.length * 30 + 60)));
        if (keys.some((key) => figures.women.get(key)?.suppressed || figures.youth.get(key)?.suppressed)) {
            body.append(h('p', { class: 'suppression-note' }, privacyText('explanation')));
        }
    });

    fillSection(section('topics', t('report.sections.topics')), async (body) => {
        const [sessions, attendances] = await Promise.all([flow('training_sessions', { by: 'topic' }), flow('attendances', { by: 'topic' })]);
        body.append(h('p', { class: 'section-lead' }, t('report.topics.lead', words)));
        const sessionsByTopic = byKey(sessions, 'topic');
        const attendancesByTopic = byKey(attendances, 'topic');
        const topics = [...new Set([...sessions.rows, ...attendances.rows].map((row) => row.topic))];
        if (topics.length === 0) {
            body.append(h('p', { class: 'report-empty' }, t('report.topics.none')));
            return;
        }
        const option = groupedBarOption({ categories: topics, horizontal: true, text: textFor('count', 'topic'),
            seriesList: [{ key: 'training_sessions', name: t('report.topics.sessions'), cells: topics.map((topic) => sessionsByTopic.get(topic) ?? null) }] });
        body.append(chart('report-topics', option, Math.max(120, topics.length * 26 + 40)));
        const wrapper = table('topics-table', { columns: [{ label: t('report.topics.topic') }, { label: t('report.topics.sessions'), numeric: true },
            { label: t('report.topics.attendances'), numeric: true }],
        rows: topics.map((topic) => [valueLabel('topic', topic), integerCell(sessionsByTopic.get(topic)), integerCell(attendancesByTopic.get(topic))]) },
        t('report.sections.topics'));
        keyed(wrapper.querySelector('table'), topics);
        body.append(wrapper);
    });

    fillSection(section('coaching', t('report.sections.coaching')), async (body) => {
        const [coached, visits] = await Promise.all([flow('coops_coached_rate', { by: 'district' }), flow('coaching_visits', { by: 'district' })]);
        body.append(h('p', { class: 'section-lead' }, t('report.coaching.lead', words)));
        const coachedBy = byKey(coached, 'district');
        const visitsBy = byKey(visits, 'district');
        if (visits.rows.length === 0) {
            body.append(h('p', { class: 'report-empty' }, t('report.coaching.none')));
        }
        const wrapper = table('coaching-table', { columns: [{ label: t('report.coaching.district') }, { label: t('report.coaching.visits'), numeric: true },
            { label: t('report.coaching.coached'), numeric: true }, { label: t('report.coaching.share'), numeric: true }],
        rows: place.districts.map((district) => [district, integerCell(visitsBy.get(district)), integerCell(coachedBy.get(district), 'numerator'),
            shareCell(coachedBy.get(district))]) }, t('report.sections.coaching'));
        keyed(wrapper.querySelector('table'), place.districts);
        body.append(wrapper);
    });

    fillSection(section('summaries', t('report.sections.summaries'), { breakBefore: true }), async (body) => {
        const figures = await perDistrict;
        // In the public view counts of people are rounded to multiples of k (docs/disclosure.md): a district without a
        // row may have a few members rounded to 0, so its members are "not shown" in words, never "none yet".
        const publicView = (await fetchSession().catch(() => ({ view: 'public' }))).view === 'public';
        const dictionary = LANGUAGES[language()];
        body.append(h('p', { class: 'section-lead' }, t('report.summaries_lead')));
        body.append(h('div', { class: 'summaries' }, place.districts.map((district) => {
            const formation = figures.formation.get(district);
            const training = figures.training.get(district);
            const sentence = districtSentence({
                district,
                formed: shown(formation, 'numerator'),
                formed_target: formation?.denominator ?? null,
                registered: shown(figures.registered.get(district)),
                registered_before: shown(figures.registeredBefore.get(district)),
                sessions: shown(training, 'numerator'),
                sessions_target: training?.denominator ?? null,
                members: shown(figures.members.get(district), 'value', publicView ? null : 0),
                women_share: shown(figures.women.get(district), 'value', null),
                youth_share: shown(figures.youth.get(district), 'value', null),
            }, { dictionary, previous: previousName });
            return h('p', { class: 'summary keep', dataset: { key: district } }, sentence);
        })));
    });

    fillSection(section('quality', t('report.sections.quality'), { breakBefore: true }), async (body) => {
        body.append(h('p', { class: 'section-lead' }, t('report.quality.lead')));
        const quality = await fetchDataQuality(dates.flow);
        const rows = quality.datasets.map((entry) => [t(`report.quality.datasets.${entry.dataset}`) ?? entry.dataset,
            formatInteger(entry.accepted_rows), formatInteger(entry.rejected_rows),
            entry.accepted_rows + entry.rejected_rows === 0 ? '–' : formatPrecisePercent(entry.rejected_rows / (entry.accepted_rows + entry.rejected_rows)),
            entry.reasons.length === 0 ? t('report.quality.none')
                : entry.reasons.slice(0, 3).map((reason) => `${reasonWords(reason.reason)} (${formatInteger(reason.rows)})`).join(', ')]);
        const wrapper = table('quality-table', { columns: [{ label: t('report.quality.dataset') }, { label: t('report.quality.accepted'), numeric: true },
            { label: t('report.quality.rejected'), numeric: true }, { label: t('report.quality.share'), numeric: true }, { label: t('report.quality.reasons') }], rows },
        t('report.sections.quality'));
        keyed(wrapper.querySelector('table'), quality.datasets.map((entry) => entry.dataset));
        body.append(wrapper);
        // per district of the report's place in its period, one column per dataset this audience gets; the
        // unknown-district bucket belongs to the whole programme only
        const shownDatasets = quality.datasets.map((entry) => entry.dataset).filter((dataset) => !quality.withheld.includes(dataset));
        const districtNames = [...place.districts, ...(place.kind === 'programme' ? [null] : [])];
        const cellOf = (entry) => (!entry || entry.accepted_rows + entry.rejected_rows === 0 ? '–'
            : t('report.quality.district_cell', { rejected: formatInteger(entry.rejected_rows), rows: formatInteger(entry.accepted_rows + entry.rejected_rows),
                share: formatPrecisePercent(entry.rejected_share) }));
        const districtRows = districtNames.map((district) => {
            const entries = quality.districts.filter((entry) => entry.district === district);
            const reasons = new Map();
            entries.forEach((entry) => entry.reasons.forEach((reason) => reasons.set(reason.reason, (reasons.get(reason.reason) ?? 0) + reason.rows)));
            const main = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
            return { key: district ?? 'unknown', entries, cells: [district ?? t('report.quality.unknown_district'),
                ...shownDatasets.map((dataset) => cellOf(entries.find((entry) => entry.dataset === dataset))),
                main.length === 0 ? t('report.quality.none') : main.map(([reason, rows]) => `${reasonWords(reason)} (${formatInteger(rows)})`).join(', ')] };
        }).filter((row) => row.key !== 'unknown' || row.entries.length > 0);
        body.append(h('p', { class: 'section-lead' }, t('report.quality.district_lead', words)));
        const districtTable = table('quality-district-table', {
            columns: [{ label: t('report.targets.district') },
                ...shownDatasets.map((dataset) => ({ label: t(`report.quality.datasets.${dataset}`) ?? dataset, numeric: true })),
                { label: t('report.quality.reasons') }],
            rows: districtRows.map((row) => row.cells),
        }, t('report.quality.district_caption'));
        keyed(districtTable.querySelector('table'), districtRows.map((row) => row.key));
        body.append(districtTable);
        if (quality.withheld.length > 0) {
            body.append(h('p', { class: 'report-note', id: 'quality-withheld' }, t('report.quality.withheld')));
        }
    });

    // the last page: where the figures come from, the served snapshot's lineage (GET /api/v1/lineage)
    fillSection(section('about', t('report.sections.about'), { breakBefore: true }), async (body) => {
        const lineage = await fetchLineage();
        body.append(h('p', { class: 'section-lead' }, t('report.about.lead')),
            h('dl', { class: 'provenance' },
                h('dt', {}, t('report.about.snapshot')), h('dd', {}, h('code', { id: 'report-snapshot' }, lineage.snapshot.id)),
                h('dt', {}, t('report.about.as_of')), h('dd', { id: 'report-as-of' }, formatDate(lineage.snapshot.as_of)),
                h('dt', {}, t('report.about.period')), h('dd', {}, `${periodName} · ${t('report.about.dates', words)}`),
                lineageFacts(lineage).slice(3).map(([term, description]) => [h('dt', {}, term), h('dd', {}, description)])));
        const runs = h('ul', { class: 'lineage-runs', id: 'lineage-runs' }, lineage.runs.map((run) => h('li', { dataset: { run: run.run } },
            run.as_of ? `${run.run} · ${formatDate(run.as_of)}` : run.run)));
        body.append(h('h3', {}, t('report.about.runs')), runs,
            table('runs-table', { columns: fileColumns(), rows: fileRows(lineage) }, t('lineage.files')));
        if (lineage.files.some((file) => !file.file)) {
            body.append(h('p', { class: 'runs-public', id: 'runs-public' }, t('lineage.files_public')));
        }
    });
}

function signed(value) {
    return value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
}

function textFor(unit, dimension = 'district') {
    return {
        value: (value, precise) => (unit === 'rate' ? (precise ? formatPrecisePercent(value) : formatPercent(value)) : formatInteger(value)),
        label: (key) => valueLabel(dimension, key),
        period: (key) => periodLabel(key),
        group: (key) => key,
        hidden: t('suppression.hidden'),
        detail: () => '',
    };
}

/** The title block and, on screen only, the period and language switches, print and the PDF link. */
function header({ title, period, periodName, place, snapshot, dates }) {
    const go = (changes) => {
        const next = new URLSearchParams(window.location.search);
        Object.entries(changes).forEach(([name, value]) => next.set(name, value));
        window.location.search = next.toString();
    };
    const periods = choosablePeriods(snapshot.first_quarter, snapshot.as_of);
    const periodSelect = h('select', { id: 'report-period', onchange: () => go({ period: periodSelect.value }) },
        h('optgroup', { label: t('report.quarters') }, periods.quarters.map((id) => h('option', { value: id }, periodLabel(id)))),
        h('optgroup', { label: t('report.years') }, periods.years.map((id) => h('option', { value: id }, id))));
    periodSelect.value = period.id;
    const languageSelect = h('select', { id: 'report-language', onchange: () => go({ lang: languageSelect.value }) },
        Object.entries(LANGUAGES).map(([code, dictionary]) => h('option', { value: code, lang: code }, dictionary.meta.language)));
    languageSelect.value = language();
    const query = new URLSearchParams({ period: period.id, lang: language(), ...(place.kind === 'programme' ? {} : { place: place.filter.province ?? place.filter.district }) });
    return h('header', { class: 'report-header' },
        h('div', { class: 'report-controls no-print' },
            h('a', { href: `/#/overview?lang=${language()}` }, t('report.back')),
            h('label', {}, t('report.period'), ' ', periodSelect),
            h('label', {}, t('shell.language'), ' ', languageSelect),
            h('button', { type: 'button', id: 'report-print', onclick: () => window.print() }, t('report.print')),
            h('a', { id: 'report-pdf', href: `/report.pdf?${query}` }, t('report.download_pdf'))),
        h('p', { class: 'report-programme' }, t('shell.programme')),
        h('h1', { id: 'report-title' }, `${title} · ${periodName}`),
        h('p', { class: 'report-place', id: 'report-place' }, place.label),
        h('p', { class: 'report-as-of' }, t('report.as_of', { date: formatDate(snapshot.as_of), snapshot: snapshot.snapshot })),
        dates.end < period.to ? h('p', { class: 'report-note', id: 'report-clipped' }, t('report.clipped', { date: formatDate(dates.end) })) : null);
}

/** A reason in the report's tables: its plain words without the closing full stop, as a count follows it. */
function reasonWords(code) {
    return reasonText(code).replace(/\.$/, '');
}

start();
