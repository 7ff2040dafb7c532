/**
 * The inspection screens (apps/inspection behind /api/inspection): inspections with the on-site
 * checklist and violations, rectifications, penalties, the black list, spot checks, annual
 * reports and joint cases. Not wired yet; the lead adds these lines.
 *
 * src/resources.tsx
 *   import { inspectionResources } from './inspection';
 *   const registered: ResourceProps[] = [ ...existing, ...inspectionResources ];
 *
 * src/providers/resources.ts (RESOURCES; every list answers { items, total }, pageSize ≤ 200)
 *   inspections: { url: '/api/inspection/inspections', maxPageSize: 200 },
 *   violations: { url: '/api/inspection/violations', maxPageSize: 200 },
 *   rectifications: { url: '/api/inspection/rectifications', maxPageSize: 200 },
 *   penalties: { url: '/api/inspection/penalties', maxPageSize: 200 },
 *   blacklist: { url: '/api/inspection/blacklist', maxPageSize: 200 },
 *   'spot-checks': { url: '/api/inspection/spot-checks', maxPageSize: 200 },
 *   'annual-reports': { url: '/api/inspection/annual-reports', maxPageSize: 200 },
 *   'joint-cases': { url: '/api/inspection/joint-cases', maxPageSize: 200 },
 *   ('violations' has no screen: the inspection detail reads its violations through getMany.)
 *
 * src/auth/permissions.ts
 *   Action, add: | 'schedule' | 'fillChecklist' | 'logViolation' | 'orderRectification'
 *     | 'closeInspection' | 'verify' | 'report' | 'decide' | 'remove' | 'publish' | 'grade'
 *     | 'completeTask' | 'close'        ('reject' and 'create' exist already)
 *   MENU, after 'complaints':
 *     'inspections', 'rectifications', 'penalties', 'blacklist', 'spot-checks', 'annual-reports', 'joint-cases',
 *   const enforcementRead: Action[] = ['list', 'show'];   // the lists have no CSV export
 *   const enforcementReadAll: Grants = Object.fromEntries(
 *     ['inspections', 'rectifications', 'penalties', 'blacklist', 'spot-checks', 'annual-reports', 'joint-cases']
 *       .map((r) => [r, enforcementRead])) as Grants;
 *   PERMISSIONS (each mirrors the @Roles of apps/inspection/src/interface/*.ts):
 *   approver: { ...enforcementReadAll,
 *     inspections: [...enforcementRead, 'create', 'schedule'],
 *     penalties: [...enforcementRead, 'decide', 'reject'],
 *     blacklist: [...enforcementRead, 'create', 'remove'],
 *     'annual-reports': [...enforcementRead, 'grade'] },
 *   inspector: { ...enforcementReadAll,
 *     inspections: [...enforcementRead, 'create', 'fillChecklist', 'logViolation', 'orderRectification', 'closeInspection'],
 *     rectifications: [...enforcementRead, 'verify'],
 *     penalties: [...enforcementRead, 'create'],
 *     'joint-cases': [...enforcementRead, 'completeTask'] },
 *   'task-force-officer': { ...enforcementReadAll,
 *     'joint-cases': [...enforcementRead, 'create', 'completeTask', 'close'] },
 *   'spot-check-planner': { ...enforcementReadAll,
 *     inspections: [...enforcementRead, 'schedule'],
 *     'spot-checks': [...enforcementRead, 'create', 'publish'] },
 *   'institution-operator': {
 *     rectifications: [...enforcementRead, 'report'], 'annual-reports': enforcementRead },
 *   viewer: { ...enforcementReadAll },
 *   (fund-supervisor: none, the service does not admit the role; administrator: none, as for
 *   the other regulatory screens, although the service would let it read.)
 *   Spread enforcementReadAll first in each role's object so the specific entries override it.
 *
 * src/i18n (merge after the app's own catalogue)
 *   i18n-provider.ts: import { inspectionMessages } from '../inspection/messages';
 *     'zh-CN': mergeTranslations(raZhCN, appZhCN, inspectionMessages['zh-CN']),
 *     en: mergeTranslations(englishMessages, appEn, inspectionMessages.en),
 */
import type { ResourceProps } from 'react-admin';
import { annualReports } from './annual-reports';
import { blacklist } from './blacklist';
import { inspections } from './inspections';
import { jointCases } from './joint-cases';
import { penalties } from './penalties';
import { rectifications } from './rectifications';
import { spotChecks } from './spot-checks';

export { annualReports, blacklist, inspections, jointCases, penalties, rectifications, spotChecks };

/** In priority order; resources.tsx sorts them by MENU. */
export const inspectionResources: ResourceProps[] = [
  inspections,
  rectifications,
  penalties,
  blacklist,
  spotChecks,
  annualReports,
  jointCases,
];
