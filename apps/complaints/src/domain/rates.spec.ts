import {
  answerTransfer,
  ComplaintState,
  rate,
  reply,
  requestTransfer,
  route,
  sign,
  supervise,
} from './complaint';
import { after, bj, citySupervisor, clock, education, file, market, system } from './complaint.fixture';
import { ratesBy, ratesOf, tallyOf } from './rates';
import { DEFAULT_ROUTES } from './routing';

// Filed and routed Tuesday 2026-09-29: the work order is to be signed by Wednesday 09-30 (Beijing).
const signDeadline = (at: Date) => clock.signDeadline(at);
const tally = (c: ComplaintState, at: string) => tallyOf(c, bj(at), signDeadline);

const routed = () => {
  const { state } = file();
  return after(
    state,
    route(state, { table: DEFAULT_ROUTES, at: bj('2026-09-29T10:05:00'), by: system }, clock),
  );
};
const signedAt = (s: ComplaintState, at: string) => after(s, sign(s, { at: bj(at), by: education }));
/** Signed on time, answered and closed by the city's supervisor. */
const closed = (s = signedAt(routed(), '2026-09-30T09:00:00')) => {
  const answered = after(
    s,
    reply(s, { reply: '已责令停止超前培训', at: bj('2026-10-09T10:00:00'), by: education }),
  );
  return after(
    answered,
    supervise(answered, { approve: true, at: bj('2026-10-09T15:00:00'), by: citySupervisor }),
  );
};
const rated = (s: ComplaintState, satisfied: boolean, at = '2026-10-10T10:00:00') =>
  after(s, rate(s, { satisfied, at: bj(at), by: { kind: 'complainant' } }, clock));

describe('the response, resolution and satisfaction rates', () => {
  it('gives no rate at all, not 0 %, when there is nothing to count', () => {
    expect(ratesOf([])).toEqual({
      complaints: 0,
      response: { count: 0, of: 0, rate: null },
      resolution: { count: 0, of: 0, rate: null },
      satisfaction: { count: 0, of: 0, rate: null },
    });
  });

  it('does not count a sign deadline still running, and counts a missed one against the response rate', () => {
    const waiting = routed();
    expect(ratesOf([tally(waiting, '2026-09-30T23:00:00')]).response).toEqual({
      count: 0,
      of: 0,
      rate: null,
    });
    expect(ratesOf([tally(waiting, '2026-10-08T09:00:00')]).response).toEqual({ count: 0, of: 1, rate: 0 });
  });

  it('counts a work order signed by the end of its deadline day (Beijing) as answered in time, the next day as late', () => {
    const lastMinute = signedAt(routed(), '2026-09-30T23:30:00');
    const late = signedAt(routed(), '2026-10-08T09:00:00');
    const at = '2026-10-08T12:00:00';
    expect(ratesOf([tally(lastMinute, at), tally(late, at)]).response).toEqual({
      count: 1,
      of: 2,
      rate: 0.5,
    });
  });

  it('counts accepting a transfer of an unsigned work order as signing it', () => {
    const r = routed();
    const asked = after(
      r,
      requestTransfer(r, {
        to: { department: 'market-regulation' },
        reason: '系虚假广告',
        at: bj('2026-09-29T11:00:00'),
        by: education,
      }),
    );
    const taken = after(
      asked,
      answerTransfer(asked, { accept: true, at: bj('2026-09-30T10:00:00'), by: market }),
    );
    expect(tally(taken, '2026-10-08T12:00:00')).toMatchObject({ signedOnTime: 1, signDeadlines: 1 });
  });

  it('resolves a closed complaint unless its last handling was rated "not satisfied", and starts a new sign clock on reopening', () => {
    const satisfied = rated(closed(), true);
    expect(tally(satisfied, '2026-10-12T10:00:00')).toMatchObject({
      closed: 1,
      resolved: 1,
      satisfied: 1,
      ratings: 1,
    });

    const reopened = rated(closed(), false); // round 2 routed on Saturday 10-10, a make-up working day
    expect(tally(reopened, '2026-10-10T12:00:00')).toMatchObject({
      signDeadlines: 1,
      closed: 1,
      resolved: 0,
      satisfied: 0,
      ratings: 1,
    });
    const secondRound = closed(signedAt(reopened, '2026-10-14T09:00:00')); // signed late: due 10-12
    expect(tally(rated(secondRound, true, '2026-10-20T10:00:00'), '2026-10-20T12:00:00')).toEqual({
      signedOnTime: 1,
      signDeadlines: 2,
      closed: 1,
      resolved: 1,
      satisfied: 1,
      ratings: 2,
    });
    expect(tally(rated(secondRound, false, '2026-10-20T10:00:00'), '2026-10-20T12:00:00')).toMatchObject({
      resolved: 0,
      satisfied: 0,
      ratings: 2,
    });
  });

  it('counts a closed complaint nobody rated as resolved, and gives no satisfaction rate without ratings', () => {
    const report = ratesOf([tally(closed(), '2026-10-12T10:00:00')]);
    expect(report.resolution).toEqual({ count: 1, of: 1, rate: 1 });
    expect(report.satisfaction).toEqual({ count: 0, of: 0, rate: null });
  });

  it('groups by a key, in key order, each group with its own rates', () => {
    const at = '2026-10-12T10:00:00';
    const groups = ratesBy(
      [
        { key: 'market-regulation', c: routed() },
        { key: 'education', c: rated(closed(), true) },
        { key: 'education', c: signedAt(routed(), '2026-10-08T09:00:00') },
      ],
      (i) => i.key,
      (i) => tally(i.c, at),
    );
    expect(groups.map((g) => [g.key, g.complaints, g.response.rate, g.resolution.rate])).toEqual([
      ['education', 2, 0.5, 1],
      ['market-regulation', 1, 0, null],
    ]);
  });
});
