import { alertKey, decideAlerts, LiveAlert } from './alert-lifecycle';
import { RiskAlert } from './risk-alerts';

const inst = '5f1c2a9e-3b7d-4c1a-8e2f-7a6b9c0d1e23';
const shortfall = (held: string): RiskAlert => ({
  code: 'reserve-below-required',
  severity: 'critical',
  institutionId: inst,
  facts: { held, required: '100000.00' },
});
const outflow = (transactionId: string): RiskAlert => ({
  code: 'outflow-without-consumption',
  severity: 'critical',
  institutionId: inst,
  facts: { transactionId, released: '50.00', justified: '0.00', lessonId: '' },
});
const live = (alert: RiskAlert, over: Partial<LiveAlert> = {}): LiveAlert => ({
  id: `a-${alertKey(alert)}`,
  key: alertKey(alert),
  state: 'open',
  cleared: false,
  ...over,
});

describe('alert lifecycle (预警去重)', () => {
  it('keys a standing condition per institution and rule, a transaction’s per transaction', () => {
    expect(alertKey(shortfall('0.00'))).toBe(`${inst}:reserve-below-required`);
    expect(alertKey(outflow('t-1'))).toBe(`${inst}:outflow-without-consumption:t-1`);
  });

  it('given no live alert, when the rule finds its condition, then it raises one', () => {
    expect(decideAlerts([], [shortfall('0.00')])).toEqual({
      raise: [shortfall('0.00')],
      refresh: [],
      clear: [],
    });
  });

  it('given an open alert, when the next day finds the condition again, then it refreshes it instead of raising', () => {
    const open = live(shortfall('0.00'));
    expect(decideAlerts([open], [shortfall('500.00')])).toEqual({
      raise: [],
      refresh: [{ id: open.id, alert: shortfall('500.00') }],
      clear: [],
    });
  });

  it('given an acknowledged alert, when the condition holds, then it is refreshed, not raised', () => {
    const ack = live(shortfall('0.00'), { state: 'acknowledged' });
    expect(decideAlerts([ack], [shortfall('0.00')]).raise).toEqual([]);
  });

  it('given a closed alert whose condition still holds, when evaluated, then nothing new is raised', () => {
    const closed = live(shortfall('0.00'), { state: 'closed' });
    const d = decideAlerts([closed], [shortfall('0.00')]);
    expect(d.raise).toEqual([]);
    expect(d.refresh).toHaveLength(1);
  });

  it('given a live alert, when the condition is gone, then it is cleared, once', () => {
    const open = live(shortfall('0.00'));
    expect(decideAlerts([open], [])).toEqual({ raise: [], refresh: [], clear: [open.id] });
    expect(decideAlerts([{ ...open, cleared: true }], [])).toEqual({ raise: [], refresh: [], clear: [] });
  });

  it('given an open alert whose condition cleared, when it comes back, then the same alert is refreshed', () => {
    const open = live(shortfall('0.00'), { cleared: true });
    expect(decideAlerts([open], [shortfall('0.00')]).refresh).toEqual([
      { id: open.id, alert: shortfall('0.00') },
    ]);
  });

  it('given the last alert closed and cleared (no longer live), when the condition recurs, then a new one is raised', () => {
    expect(decideAlerts([], [shortfall('0.00')]).raise).toHaveLength(1);
  });

  it('keeps one alert per transaction, and the same finding twice in one evaluation once', () => {
    const d = decideAlerts([live(outflow('t-1'))], [outflow('t-1'), outflow('t-2'), outflow('t-2')]);
    expect(d.refresh.map((r) => r.alert.facts.transactionId)).toEqual(['t-1']);
    expect(d.raise.map((r) => r.facts.transactionId)).toEqual(['t-2']);
  });
});
