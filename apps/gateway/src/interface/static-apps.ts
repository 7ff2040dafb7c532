import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

const appsDir = join(__dirname, '..', '..', '..');

/** Serves the built console at /console/ and the portal at /, with single-page-app fallbacks. */
export function serveStaticApps(app: NestExpressApplication): void {
  const console = join(appsDir, 'console', 'dist');
  const portal = join(appsDir, 'portal', 'dist');
  if (existsSync(console)) app.useStaticAssets(console, { prefix: '/console/', index: 'index.html' });
  if (existsSync(portal)) app.useStaticAssets(portal, { index: 'index.html' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || /^\/(api|health|metrics)(\/|$)/.test(req.path) || !req.accepts('html'))
      return next();
    const root = req.path.startsWith('/console') ? console : portal;
    if (!existsSync(join(root, 'index.html'))) return next();
    res.sendFile(join(root, 'index.html'));
  });
}
