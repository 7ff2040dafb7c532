import type { NextFunction, Request, Response } from 'express';

/** The stable prefix of the API's first version; docs/integration.md states the versioning policy. */
export const API_V1 = '/api/v1';

/**
 * The unversioned /api paths stay as aliases until SUNSET (RFC 9745 Deprecation, RFC 8594 Sunset):
 * the console, portal and integrators moved to /api/v1 when it was introduced on DEPRECATED.
 */
const DEPRECATED = new Date('2026-12-08T00:00:00Z');
const SUNSET = new Date('2027-06-30T00:00:00Z');

/** Paths that are not versioned API routes: the documents and the static apps' assets. */
const UNVERSIONED = /^\/api\/(docs|asyncapi)(\/|\.json|$)/;

/**
 * Serves /api/v1/… as the routes it names and marks the unversioned /api/… aliases deprecated,
 * with a link to their successor.
 */
export function apiVersion(req: Request, res: Response, next: NextFunction): void {
  const url = req.url;
  if (url === API_V1 || url.startsWith(`${API_V1}/`) || url.startsWith(`${API_V1}?`)) {
    // originalUrl too: the route table, the audit trail and the public cache read it.
    req.url = req.originalUrl = `/api${url.slice(API_V1.length)}`;
  } else if (url.startsWith('/api/') && !UNVERSIONED.test(url)) {
    res.setHeader('Deprecation', `@${Math.floor(DEPRECATED.getTime() / 1000)}`);
    res.setHeader('Sunset', SUNSET.toUTCString());
    res.setHeader('Link', `<${API_V1}${url.slice('/api'.length)}>; rel="successor-version"`);
  }
  next();
}
