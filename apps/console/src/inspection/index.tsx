/**
 * The inspection screens (apps/inspection behind /api/inspection): inspections with the on-site
 * checklist and violations, rectifications, penalties, the black list, spot checks, annual
 * reports and joint cases. Their URLs are in providers/resources.ts, their grants in
 * auth/permissions.ts, their words in ./messages.ts; ./ui.tsx holds what the screens share.
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
