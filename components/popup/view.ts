import { formatCount } from '@/components/ui/format';
import { PLATFORM_COLORS } from '@/components/ui/platform-colors';
import type { Translate } from '@/lib/i18n';
import type { WeekStats } from '@/lib/messaging/popup-protocol';
import { PLATFORMS } from '@/lib/platforms/types';
import { addDays } from '@/lib/stats/days';
import { changeOf, formatDay, formatDayRange, formatMetric, METRICS, platformName, type Change } from '@/lib/stats/summary-text';
import { h, s, type Child } from './dom';

/**
 * The toolbar popup: this week so far against the same days of last week.
 *
 * Drawn with the DOM directly, not React. The popup is opened for a glance, many
 * times a day, and each opening loads and runs its scripts anew: React and
 * ReactDOM were most of its 300 KB and of its script time before the numbers
 * showed (BENCHMARKS.md, popup at scale). It has no state to keep between its
 * two answers, so a small view that draws the whole week again when an answer
 * arrives is all it needs. The buttons are built once and kept, so one that
 * has focus keeps it.
 */

export interface PopupState {
  stats: WeekStats | null;
  error: string | null;
  /** Since when the browser refuses our writes for want of room (read-only), or null. */
  storageFullSince: number | null;
}

export interface PopupViewOptions {
  t: Translate;
  /** For dates; the browser's UI language when omitted. */
  locale?: string;
  /** Where "N comments waiting" leads: the dashboard's reply queue. */
  waitingHref: string;
  /** The dashboard's weekly summaries. */
  historyHref: string;
  onOpenDashboard(): void;
  /** Manual mode: save the current tab's page, or record an interaction seen there. */
  onSavePage(): void;
  onRecordInteraction(): void;
}

export interface PopupView {
  /** Shows this state (the first call replaces whatever the root held). */
  update(state: PopupState): void;
}

export function createPopupView(root: HTMLElement, opts: PopupViewOptions): PopupView {
  const doc = root.ownerDocument;
  const { t } = opts;
  const button = (label: string, onClick: () => void, secondary: boolean) => {
    const b = h(doc, 'button', { type: 'button', class: secondary ? 'sd-secondary' : null }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const footer = h(
    doc,
    'footer',
    { class: 'sd-row' },
    button(t('openDashboard'), opts.onOpenDashboard, false),
    button(t('popupSavePage'), opts.onSavePage, true),
    button(t('popupRecordInteraction'), opts.onRecordInteraction, true),
  );
  const main = h(doc, 'main', { class: 'sd-popup' }, footer);
  root.replaceChildren(main);

  return {
    update(state) {
      while (main.firstChild !== footer) main.firstChild!.remove();
      footer.before(...popupParts(doc, state, opts));
    },
  };
}

function popupParts(doc: Document, { stats, error, storageFullSince }: PopupState, opts: PopupViewOptions): Node[] {
  const { t, locale } = opts;
  const parts: Child[] = [
    h(doc, 'header', {}, h(doc, 'h1', {}, t('popupTitle')), stats && h(doc, 'p', { class: 'sd-muted' }, t('popupWeekRange', formatDayRange(stats.weekStartDay, addDays(stats.weekStartDay, 6), locale)))),
    error && h(doc, 'p', { role: 'alert', class: 'sd-error' }, error),
    storageFullSince !== null && h(doc, 'p', { role: 'alert', class: 'sd-error', 'data-testid': 'storage-full' }, t('storageFullReadOnly')),
    !stats && !error && h(doc, 'p', { class: 'sd-muted' }, t('loading')),
  ];
  if (stats && !stats.hasAnyData) {
    parts.push(
      h(doc, 'section', { class: 'sd-empty', 'data-testid': 'empty-state' }, h(doc, 'h2', {}, t('emptyTitle')), h(doc, 'p', {}, t('emptyBody')), h(doc, 'h3', {}, t('emptyHowTitle')), h(doc, 'p', { class: 'sd-muted' }, t('emptyHowBody'))),
    );
  }
  if (stats && stats.hasAnyData) parts.push(...weekAtAGlance(doc, stats, opts));
  return parts.filter((p): p is Node => typeof p === 'object' && p !== null);
}

const changeClass = (c: Change) => `sd-change${c.good === true ? ' sd-good' : c.good === false ? ' sd-bad' : ''}`;

function weekAtAGlance(doc: Document, stats: WeekStats, opts: PopupViewOptions): Node[] {
  const { t, locale } = opts;
  const metrics = h(
    doc,
    'table',
    { class: 'sd-metrics' },
    h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', { scope: 'col' }, t('metricColumn')), h(doc, 'th', { scope: 'col' }, t('thisWeek')), h(doc, 'th', { scope: 'col' }, t('vsLastWeek')))),
    h(
      doc,
      'tbody',
      {},
      ...METRICS.map((m) => {
        const now = stats.thisWeek[m.key];
        const before = stats.lastWeekSameDays[m.key];
        const change = changeOf(now, before, m.kind, t, m.lowerIsBetter);
        return h(
          doc,
          'tr',
          { 'data-testid': m.label },
          h(doc, 'th', { scope: 'row' }, t(m.label)),
          h(doc, 'td', { class: 'sd-value' }, formatMetric(m.kind, now, t)),
          h(doc, 'td', { class: changeClass(change), title: `${formatMetric(m.kind, before, t)}${change.good === null ? '' : ` · ${t(change.good ? 'changeBetter' : 'changeWorse')}`}` }, change.text),
        );
      }),
    ),
  );

  const byPlatform =
    stats.byPlatform.length > 0 &&
    h(
      doc,
      'section',
      { 'aria-labelledby': 'sd-by-platform' },
      h(doc, 'h2', { id: 'sd-by-platform', class: 'sd-subhead' }, t('popupByPlatform')),
      h(
        doc,
        'table',
        { class: 'sd-metrics sd-compact', 'data-testid': 'by-platform' },
        h(
          doc,
          'thead',
          {},
          h(doc, 'tr', {}, ...['logPlatform', 'metricCommentsReceived', 'metricRepliesSent', 'metricReactionsGained'].map((key) => h(doc, 'th', { scope: 'col' }, t(key)))),
        ),
        h(
          doc,
          'tbody',
          {},
          ...stats.byPlatform.map((p) => {
            const change = changeOf(p.thisWeek.commentsReceived, p.lastWeekSameDays.commentsReceived, 'count', t);
            return h(
              doc,
              'tr',
              { 'data-testid': `platform-${p.platform}` },
              h(doc, 'th', { scope: 'row' }, platformName(p.platform, t)),
              h(doc, 'td', { class: 'sd-value' }, `${formatCount(p.thisWeek.commentsReceived)} `, h(doc, 'span', { class: changeClass(change) }, change.text)),
              h(doc, 'td', { class: 'sd-value' }, formatCount(p.thisWeek.repliesSent)),
              h(doc, 'td', { class: 'sd-value' }, formatCount(p.thisWeek.reactionsGained)),
            );
          }),
        ),
      ),
    );

  const top = stats.topPost;
  let topPost: Node;
  if (top) {
    const name = platformName(top.platform, t);
    const label = top.excerpt || t('popupPostWithoutText', name);
    topPost = h(
      doc,
      'p',
      { class: 'sd-top-post' },
      top.url ? h(doc, 'a', { href: top.url, target: '_blank', rel: 'noreferrer noopener' }, label) : h(doc, 'span', {}, label),
      ' ',
      h(doc, 'span', { class: 'sd-muted' }, `${name} · ${t('popupTopPostGain', [formatCount(top.engagement), formatCount(top.reactions), formatCount(top.comments), formatCount(top.shares)])}`),
    );
  } else {
    topPost = h(doc, 'p', { class: 'sd-muted' }, t('popupNoTopPost'));
  }

  const waiting =
    stats.waiting > 0
      ? h(doc, 'a', { href: opts.waitingHref, target: '_blank', rel: 'noreferrer' }, t('waitingLink', `${formatCount(stats.waiting)}${stats.waitingMore ? '+' : ''}`))
      : h(doc, 'span', { class: 'sd-muted' }, t('waitingNone'));

  return [
    metrics,
    weekChart(doc, stats, t, locale),
    ...(byPlatform ? [byPlatform] : []),
    h(doc, 'section', { 'aria-labelledby': 'sd-top-post', 'data-testid': 'top-post' }, h(doc, 'h2', { id: 'sd-top-post', class: 'sd-subhead' }, t('popupTopPost')), topPost),
    h(doc, 'p', { 'data-testid': 'waiting', class: 'sd-waiting' }, waiting),
    h(doc, 'p', {}, h(doc, 'a', { href: opts.historyHref, target: '_blank', rel: 'noreferrer', 'data-testid': 'history-link' }, t('popupHistoryLink'))),
  ];
}

const W = 332;
const H = 118;
const TOP = 14;
const BOTTOM = 18;
const SLOT = W / 7;
const BAR = 26;

function weekdayLabel(day: string, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Comments received per day this week, one bar per day stacked by platform
 * (inline SVG). The drawing is hidden from screen readers; the list below it
 * says the same in words.
 */
function weekChart(doc: Document, { days, today }: WeekStats, t: Translate, locale?: string): Node {
  const totals = days.map((d) => Object.values(d.byPlatform).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const used = PLATFORMS.filter((p) => days.some((d) => (d.byPlatform[p] ?? 0) > 0));
  const scale = (H - TOP - BOTTOM) / max;
  const describe = (d: WeekStats['days'][number], total: number) => {
    const parts = used.filter((p) => (d.byPlatform[p] ?? 0) > 0).map((p) => `${platformName(p, t)} ${formatCount(d.byPlatform[p] ?? 0)}`);
    return parts.length > 1
      ? t('popupChartDayDetail', [formatDay(d.day, locale), formatCount(total), parts.join(', ')])
      : t('popupChartDay', [formatDay(d.day, locale), formatCount(total)]);
  };

  const bars = days.map((d, i) => {
    const x = i * SLOT + (SLOT - BAR) / 2;
    const future = d.day > today;
    const total = totals[i] ?? 0;
    const g = s(doc, 'g', { 'data-day': d.day }, s(doc, 'title', {}, describe(d, total)));
    let y = H - BOTTOM;
    if (future) {
      g.append(s(doc, 'rect', { x, y: H - BOTTOM - 4, width: BAR, height: 4, class: 'sd-future' }));
    } else {
      for (const p of used) {
        const v = d.byPlatform[p] ?? 0;
        if (v <= 0) continue;
        const height = v * scale;
        y -= height;
        g.append(s(doc, 'rect', { x, y, width: BAR, height, fill: PLATFORM_COLORS[p], 'data-platform': p }));
      }
      if (total > 0) g.append(s(doc, 'text', { x: x + BAR / 2, y: y - 3, 'text-anchor': 'middle', class: 'sd-bar-value' }, formatCount(total)));
    }
    g.append(s(doc, 'text', { x: x + BAR / 2, y: H - 4, 'text-anchor': 'middle', class: d.day === today ? 'sd-bar-label sd-today' : 'sd-bar-label' }, weekdayLabel(d.day, locale)));
    return g;
  });

  const legend =
    used.length > 0
      ? h(
          doc,
          'ul',
          { class: 'sd-legend', 'aria-hidden': 'true' },
          ...used.map((p) => {
            const swatch = h(doc, 'span', { class: 'sd-swatch' });
            swatch.style.background = PLATFORM_COLORS[p];
            return h(doc, 'li', {}, swatch, platformName(p, t));
          }),
        )
      : h(doc, 'p', { class: 'sd-muted' }, t('popupChartNoComments'));

  return h(
    doc,
    'figure',
    { class: 'sd-chart', 'data-testid': 'week-chart' },
    h(doc, 'figcaption', { class: 'sd-subhead' }, t('popupChartTitle')),
    s(doc, 'svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', 'aria-hidden': 'true', focusable: 'false' }, s(doc, 'line', { x1: 0, x2: W, y1: H - BOTTOM + 0.5, y2: H - BOTTOM + 0.5, class: 'sd-axis' }), ...bars),
    legend,
    h(doc, 'ul', { class: 'sd-sr-only', 'data-testid': 'week-chart-text' }, ...days.map((d, i) => (d.day <= today ? h(doc, 'li', {}, describe(d, totals[i] ?? 0)) : null))),
  );
}
