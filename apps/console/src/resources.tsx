import type { ResourceProps } from 'react-admin';
import { applications } from './applications';
import { audit } from './audit';
import { complaints } from './complaints';
import { deadLetters } from './dead-letters';
import {
  feeAccounts,
  feeAlerts,
  feeClosures,
  feeLessons,
  feeOrders,
  feeReconciliations,
  feeRefunds,
} from './fees';
import { inspectionResources } from './inspection';
import { MENU } from './auth/permissions';
import { institutions } from './institutions';
import { licenseRequests } from './license-requests';
import { licenses } from './licenses';
import { roster } from './roster';
import { timeline } from './timeline';
import { users } from './users';

/**
 * Every screen of the console. A new service's screen: a feature folder exporting its
 * ResourceProps, an entry here, its URL in providers/resources.ts, its grants and menu position
 * in auth/permissions.ts, and its words in i18n/zh-CN.ts and en.ts.
 */
const registered: ResourceProps[] = [
  applications,
  licenseRequests,
  licenses,
  complaints,
  ...inspectionResources,
  feeAccounts,
  feeAlerts,
  feeOrders,
  feeLessons,
  feeRefunds,
  feeReconciliations,
  feeClosures,
  institutions,
  timeline,
  users,
  roster,
  audit,
  deadLetters,
];

/** In menu order (auth/permissions.ts MENU); react-admin hides those the role may not list. */
export const resources = [...registered].sort(
  (a, b) => MENU.indexOf(a.name as never) - MENU.indexOf(b.name as never),
);
