// The single page: the shell (masthead, navigation, language, data as of), and a router that draws the view
// the URL's hash describes, again on every change of the hash (links, filters, back and forward).
import { ANONYMOUS, fetchHealth, fetchIndicator, fetchIndicators, fetchReference, fetchSession, signOut } from './api.js';
import { disposeCharts } from './components/chart-card.js';
import { h } from './dom.js';
import { LANGUAGES, chooseLanguage, language, privacyText, setLanguage, t } from './i18n.js';
import { formatDate } from './format.js';
import { setReference } from './reference.js';
import { currentState, formatHash, navigate, withParams } from './state.js';
import { renderOverview } from './pages/overview.js';
import { renderPlaces } from './pages/places.js';
import { renderPlace } from './pages/place.js';
import { renderExplore } from './pages/explore.js';
import { renderRuns } from './pages/runs.js';
import { renderQuarantine } from './pages/quarantine.js';
import { renderSignIn } from './pages/sign-in.js';
import { renderAudit } from './pages/audit.js';
import { renderTargets } from './pages/targets.js';
import { hasRole, publicView, session, setSession, shownRole } from './session.js';
import { renderCooperative } from './pages/cooperative.js';
import { renderCooperativeList, renderCooperativeSearch } from './pages/cooperatives.js';

const NAVIGATION = [
    { page: 'overview', pages: ['overview'] },
    { page: 'districts', pages: ['districts', 'district'] },
    { page: 'value-chains', pages: ['value-chains', 'value-chain'] },
    { page: 'explore', pages: ['explore'] },
    { page: 'cooperatives', pages: ['cooperatives', 'cooperative', 'cooperative-list'] },
    // entries with a role show only to users who hold it (the page itself also checks: pages/access.js)
    { page: 'runs', pages: ['runs'], role: 'manager' },
    { page: 'quarantine', pages: ['quarantine'], role: 'admin' },
    { page: 'targets', pages: ['targets'], role: 'admin' },
    { page: 'audit', pages: ['audit'], role: 'admin' },
];

const RENDERERS = {
    overview: (context) => renderOverview(context),
    districts: (context) => renderPlaces(context, 'district'),
    district: (context) => renderPlace(context, 'district'),
    'value-chains': (context) => renderPlaces(context, 'value_chain'),
    'value-chain': (context) => renderPlace(context, 'value_chain'),
    explore: (context) => renderExplore(context),
    runs: (context) => renderRuns(context),
    quarantine: (context) => renderQuarantine(context),
    'sign-in': (context) => renderSignIn(context),
    audit: (context) => renderAudit(context),
    targets: (context) => renderTargets(context),
    cooperatives: (context) => renderCooperativeSearch(context),
    cooperative: (context) => renderCooperative(context),
    'cooperative-list': (context) => renderCooperativeList(context),
};

const app = {
    catalogue: null,
    snapshot: null,
    failure: null,
    shellLanguage: null,
    page: null,
};

const masthead = document.getElementById('masthead');
const main = document.getElementById('main');
const footer = document.getElementById('footer');

function renderShell(state) {
    const lang = state.params.lang;
    const linkParams = lang ? { lang } : {};
    const switcher = h('select', { id: 'language', onchange: () => navigate(withParams(currentState(), { lang: switcher.value })) },
        Object.entries(LANGUAGES).map(([code, dictionary]) => h('option', { value: code, lang: code }, dictionary.meta.language)));
    switcher.value = language();
    const snapshotText = app.snapshot
        ? [t('shell.as_of'), ' ', h('strong', { id: 'as-of' }, formatDate(app.snapshot.as_of))]
        : [t('shell.as_of'), ' ', h('strong', { id: 'as-of' }, app.failure ? t('shell.unavailable') : '…')];
    masthead.replaceChildren(h('div', { class: 'masthead-inner' },
        h('div', { class: 'brand' },
            h('p', { class: 'masthead-programme' }, t('shell.programme')),
            h('p', { class: 'masthead-title' }, h('a', { href: formatHash({ page: 'overview', params: linkParams }) }, t('shell.title')))),
        h('div', { class: 'masthead-side' },
            h('p', { class: 'masthead-snapshot', id: 'snapshot', dataset: { state: app.snapshot ? 'ready' : app.failure ? 'error' : 'loading' } }, snapshotText),
            accountPanel(linkParams),
            h('div', { class: 'language' }, h('label', { for: 'language' }, t('shell.language')), switcher))),
    h('nav', { class: 'main-nav', 'aria-label': t('shell.navigation') }, h('ul', {}, NAVIGATION.filter((item) => !item.role || hasRole(item.role)).map((item) => h('li', {},
        h('a', { href: formatHash({ page: item.page, params: linkParams }), id: `nav-${item.page}`,
            'aria-current': item.pages.includes(state.page) ? 'page' : null }, t(`nav.${item.page}`)))))));
    footer.replaceChildren(h('div', { class: 'footer-inner' },
        // the privacy line is about the public's figures: a manager's are exact
        h('p', {}, t('shell.footer'), publicView() ? [' ', h('span', { id: 'privacy-line' }, privacyText('footer'))] : null),
        h('p', {}, t('shell.run'), ' ', h('code', { id: 'snapshot-id' }, app.snapshot?.snapshot ?? '–'),
            app.snapshot ? [' · ', t('shell.as_of'), ' ', formatDate(app.snapshot.as_of)] : null)));
    document.title = `${t(`nav.${NAVIGATION.find((item) => item.pages.includes(state.page))?.page ?? (state.page === 'sign-in' ? 'sign-in' : 'overview')}`)} · ${t('shell.title')}`;
    app.shellLanguage = language();
}

/** Who is signed in and which view the figures are in, with the sign-in link or the sign-out button. */
function accountPanel(linkParams) {
    const { user, view } = session();
    const viewText = h('span', { class: `view-badge view-${view}`, id: 'figures-view', dataset: { view } },
        t(view === 'unsuppressed' ? 'shell.view_exact' : 'shell.view_protected'));
    if (user === null) {
        return h('div', { class: 'account', id: 'account', dataset: { signedIn: 'false' } }, viewText,
            h('a', { href: formatHash({ page: 'sign-in', params: linkParams }), id: 'sign-in-link' }, t('shell.sign_in')));
    }
    return h('div', { class: 'account', id: 'account', dataset: { signedIn: 'true' } },
        h('span', { id: 'signed-in-as' }, t('shell.signed_in_as', { user, role: t(`roles.${shownRole()}`) })), viewText,
        h('button', { type: 'button', id: 'sign-out', onclick: async () => {
            try {
                await signOut();
            }
            finally {
                window.location.hash = formatHash({ page: 'overview', params: linkParams });
                window.location.reload();
            }
        } }, t('shell.sign_out')));
}

function render() {
    const state = currentState();
    const focusedId = document.activeElement?.id;
    setLanguage(chooseLanguage(state.params.lang));
    renderShell(state);
    disposeCharts();
    main.replaceChildren();
    document.body.dataset.view = 'loading';
    document.body.dataset.rendered = window.location.hash;
    if (app.failure) {
        main.append(h('div', { class: 'card failure', role: 'alert', id: 'failure' },
            h('h1', {}, t('states.unavailable_title')),
            h('p', { id: 'failure-message' }, t('states.error', { message: app.failure.message }))));
        document.body.dataset.view = 'error';
        return;
    }
    RENDERERS[state.page]({ root: main, state, catalogue: app.catalogue, snapshot: app.snapshot });
    const pageChanged = app.page !== `${state.page}/${state.item}`;
    app.page = `${state.page}/${state.item}`;
    const again = focusedId ? document.getElementById(focusedId) : null;
    if (again && !pageChanged) {
        again.focus();
    }
    else if (pageChanged && focusedId) {
        document.getElementById('page-title')?.focus();
    }
    checkReady();
}

/** Marks the body once every chart, tile and table of the view has its figures, an empty state or an error. */
function checkReady() {
    const pending = main.querySelectorAll('[data-state="loading"], [data-state="drawing"]');
    if (pending.length === 0 && document.body.dataset.view === 'loading') {
        document.body.dataset.view = 'ready';
        document.body.dataset.readyAt = String(Math.round(performance.now()));
    }
}

new MutationObserver(checkReady).observe(main, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });

/** A newly published snapshot: offer to show it (answers are cached per page life). */
function watchSnapshot() {
    setInterval(async () => {
        try {
            const health = await fetchHealth();
            if (app.snapshot && health.snapshot && health.snapshot !== app.snapshot.snapshot && !document.getElementById('new-data')) {
                document.body.prepend(h('div', { class: 'new-data', id: 'new-data', role: 'status' }, t('shell.new_data'), ' ',
                    h('button', { type: 'button', onclick: () => window.location.reload() }, t('shell.reload'))));
            }
        }
        catch {
            // the next poll tries again
        }
    }, 60_000);
}

async function start() {
    const state = currentState();
    setLanguage(chooseLanguage(state.params.lang));
    renderShell(state);
    main.replaceChildren(h('p', { class: 'chart-status static', dataset: { state: 'loading' } }, t('states.loading')));
    try {
        // the reference data is loaded once, before any view draws: the pages read it through reference.js
        // the session first: it decides which view every answer after it is in
        setSession(await fetchSession().catch(() => ANONYMOUS));
        renderShell(state);
        const [indicators, answer, reference] = await Promise.all([fetchIndicators(), fetchIndicator('coops_formed'), fetchReference()]);
        setReference(reference);
        app.catalogue = new Map(indicators.map((entry) => [entry.id, entry]));
        app.snapshot = { as_of: answer.as_of, snapshot: answer.snapshot };
        watchSnapshot();
    }
    catch (error) {
        app.failure = error;
    }
    window.addEventListener('hashchange', render);
    render();
}

start();

// the hash is the router's: the skip link moves the focus itself instead of changing the hash
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
});
