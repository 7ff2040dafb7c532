/**
 * The dashboards and alert rules name only metrics the code registers (infra/observability):
 * every Grafana JSON there must parse, and every metric its queries and the alert rules read must
 * be one a service's registry has — a renamed metric would otherwise leave an empty panel or an
 * alert that never fires. (`promtool` checks the PromQL and the Prometheus configs themselves.)
 *   node -r @swc-node/register scripts/check-observability.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Histogram } from 'prom-client';
import { createMetrics } from '@otr/runtime';
import { watchComplaintSla } from '../apps/complaints/src/infrastructure/sla-metrics';

const dir = join(__dirname, '..', 'infra', 'observability');

/** Every series name a service can expose: its registry's metrics, with a histogram's suffixes. */
function knownSeries(): Set<string> {
  const metrics = createMetrics('check', { broker: async () => 'up' });
  watchComplaintSla({ pool: null as never, metrics });
  const names = new Set(['up']);
  for (const m of metrics.registry.getMetricsAsArray()) {
    names.add(m.name);
    if (m instanceof Histogram) for (const s of ['_bucket', '_count', '_sum']) names.add(m.name + s);
  }
  return names;
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression reads (label matchers, groupings, strings and ranges removed). */
export function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\$\w+/g, ' ');
  return [...bare.matchAll(/(?<![\w.:])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()/g)]
    .map((m) => m[1])
    .filter((name) => !KEYWORDS.has(name.toLowerCase()));
}

function dashboardExprs(file: string): string[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { panels?: Panel[] };
  const walk = (panels: Panel[] = []): string[] =>
    panels.flatMap((p) => [...(p.targets ?? []).map((t) => t.expr ?? ''), ...walk(p.panels)]);
  return walk(dashboard.panels);
}
interface Panel {
  targets?: { expr?: string }[];
  panels?: Panel[];
}

function main() {
  const known = knownSeries();
  const problems: string[] = [];
  const check = (where: string, expr: string) => {
    for (const name of metricsIn(expr))
      if (!known.has(name)) problems.push(`${where}: no service registers ${name}`);
  };
  const grafana = join(dir, 'grafana');
  const dashboards = readdirSync(grafana).filter((f) => f.endsWith('.json'));
  for (const f of dashboards)
    for (const expr of dashboardExprs(join(grafana, f))) check(`grafana/${f}`, expr);
  const rules = parse(readFileSync(join(dir, 'alerts.yml'), 'utf8')) as {
    groups: { rules: { alert: string; expr: string }[] }[];
  };
  for (const g of rules.groups) for (const r of g.rules) check(`alerts.yml ${r.alert}`, r.expr);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(
    `check-observability: ${dashboards.length} dashboard(s) and the alert rules read only registered metrics`,
  );
}

if (require.main === module) main();
