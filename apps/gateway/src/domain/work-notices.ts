import { z } from 'zod';

/**
 * The bell's notices (通知): the work waiting for an official, read from the figures of each
 * service's dashboard endpoint. A figure the service did not give is never guessed.
 */

const count = z.number().int().nonnegative();

/** The dashboard endpoints asked, by the gateway path the access policy decides on, and what each must answer. */
export const WORK_SOURCES = {
  registration: {
    path: '/api/registration/stats',
    figures: z.object({ waiting: count, overdue: count }),
  },
  inspection: {
    path: '/api/inspection/stats',
    figures: z.object({ rectificationsOpen: count, rectificationsOverdue: count }),
  },
  complaints: {
    path: '/api/complaints/stats',
    figures: z.object({ open: z.object({ green: count, amber: count, red: count }) }),
  },
  fees: {
    path: '/api/fee-supervision/stats',
    figures: z.object({ openAlerts: count }),
  },
} as const;

export type WorkSource = keyof typeof WORK_SOURCES;

/** What the services answered; a service the caller may not ask, or that did not answer, is absent. */
export type WorkFigures = { [S in WorkSource]?: z.infer<(typeof WORK_SOURCES)[S]['figures']> };

export type NoticeLocale = 'zh-CN' | 'en';

export const WorkNotice = z.object({
  id: z.string().describe('The kind of work: applications-waiting, rectifications-overdue, …'),
  title: z.string().meta({ examples: ['3 件申请待审查'] }),
  link: z.string().describe('The console screen where the work is done.'),
  read: z.literal(false),
});
export type WorkNotice = z.infer<typeof WorkNotice>;

/** The bell's feed: the list envelope, every notice unread. */
export const WorkNoticeFeed = z.object({
  items: z.array(WorkNotice),
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
export type WorkNoticeFeed = z.infer<typeof WorkNoticeFeed>;

type Line = { id: string; link: string; n: (f: WorkFigures) => number | undefined } & Record<
  NoticeLocale,
  (n: number) => string
>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line per figure, in the order the bell lists them: the overdue work first within a service. */
const LINES: Line[] = [
  {
    id: 'registration:overdue',
    link: '#/applications',
    n: (f) => f.registration?.overdue,
    'zh-CN': (n) => `${n} 件申请审查超期`,
    en: (n) => `${plural(n, 'application', 'applications')} overdue for review`,
  },
  {
    id: 'registration:waiting',
    link: '#/applications',
    n: (f) => f.registration?.waiting,
    'zh-CN': (n) => `${n} 件申请待审查`,
    en: (n) => `${plural(n, 'application', 'applications')} awaiting review`,
  },
  {
    id: 'inspection:rectifications-overdue',
    link: '#/rectifications',
    n: (f) => f.inspection?.rectificationsOverdue,
    'zh-CN': (n) => `${n} 项整改逾期`,
    en: (n) => `${plural(n, 'rectification', 'rectifications')} overdue`,
  },
  {
    id: 'inspection:rectifications-open',
    link: '#/rectifications',
    n: (f) => f.inspection?.rectificationsOpen,
    'zh-CN': (n) => `${n} 项整改未完成`,
    en: (n) => `${plural(n, 'rectification', 'rectifications')} open`,
  },
  {
    id: 'complaints:red',
    link: '#/complaints',
    n: (f) => f.complaints?.open.red,
    'zh-CN': (n) => `${n} 件投诉已超期`,
    en: (n) => `${plural(n, 'complaint', 'complaints')} overdue`,
  },
  {
    id: 'complaints:amber',
    link: '#/complaints',
    n: (f) => f.complaints?.open.amber,
    'zh-CN': (n) => `${n} 件投诉临近办理时限`,
    en: (n) => `${plural(n, 'complaint', 'complaints')} near the deadline`,
  },
  {
    id: 'complaints:green',
    link: '#/complaints',
    n: (f) => f.complaints?.open.green,
    'zh-CN': (n) => `${n} 件投诉待办理`,
    en: (n) => `${plural(n, 'complaint', 'complaints')} open`,
  },
  {
    id: 'fees:open-alerts',
    link: '#/fee-alerts',
    n: (f) => f.fees?.openAlerts,
    'zh-CN': (n) => `${n} 条资金风险预警未关闭`,
    en: (n) => `${plural(n, 'fund alert', 'fund alerts')} open`,
  },
];

/** The figures as the bell's feed: one unread notice per non-zero figure. */
export function workNotices(figures: WorkFigures, locale: NoticeLocale): WorkNoticeFeed {
  const items = LINES.flatMap((line) => {
    const n = line.n(figures);
    return n ? [{ id: line.id, title: line[locale](n), link: line.link, read: false as const }] : [];
  });
  return { items, total: items.length, unread: items.length };
}
