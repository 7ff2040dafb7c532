import { verifyAccessCode } from './access-code';
import {
  answerTransfer,
  attachDuplicate,
  breachDeadline,
  callBack,
  ComplaintState,
  decideExtension,
  institutionReply,
  markDuplicate,
  rate,
  recordHandling,
  reply,
  requestExtension,
  requestTransfer,
  route,
  sign,
  slaColour,
  supervise,
} from './complaint';
import {
  after,
  bj,
  citySupervisor,
  clock,
  education,
  file,
  fire,
  fundSupervisor,
  licensed,
  market,
  official,
  police,
  system,
  XH,
} from './complaint.fixture';
import {
  ComplaintRuleViolated,
  InvalidComplaintState,
  InvalidExtension,
  InvalidTransfer,
  NoRouteFound,
  NotResponsible,
} from './errors';
import { DEFAULT_ROUTES, RoutingTable } from './routing';
import { Actor } from './vocabulary';

// Filed Tuesday 2026-09-29, the eve of National Day: 10-01…10-07 are off, Saturday 10-10 is worked (调休).
const FILED = bj('2026-09-29T10:00:00');
const ROUTED = bj('2026-09-29T10:05:00');

const routed = (over: Parameters<typeof file>[0] = {}) => {
  const { state } = file(over);
  return after(state, route(state, { table: DEFAULT_ROUTES, at: ROUTED, by: system }, clock));
};
const signed = (over: Parameters<typeof file>[0] = {}, by: Actor = education) => {
  const s = routed(over);
  return after(s, sign(s, { at: bj('2026-09-30T09:00:00'), by }));
};
const replied = () => {
  const s = signed();
  return after(
    s,
    reply(s, { reply: '已约谈机构，责令停止超前培训', at: bj('2026-10-12T09:00:00'), by: education }),
  );
};
const closed = () => {
  const s = replied();
  return after(s, supervise(s, { approve: true, at: bj('2026-10-12T15:00:00'), by: citySupervisor }));
};
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('a complaint through the 12345 closed loop', () => {
  describe('accept (受理)', () => {
    it('given a complaint about a licensed institution, when filed, then it is accepted with a tracking number and a one-time access code', () => {
      const { events, state, trackingNumber, accessCode } = file();
      expect(types(events)).toEqual(['ComplaintAccepted']);
      expect(trackingNumber).toMatch(/^TS20260929-[0-9A-HJKMNP-TV-Z]{6}$/);
      expect(accessCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(state).toMatchObject({
        status: 'accepted',
        round: 1,
        trackingNumber,
        filedAt: FILED.toISOString(),
      });
      // Only the salted hash is kept: the code itself appears nowhere in the events.
      expect(JSON.stringify(events)).not.toContain(accessCode);
      expect(verifyAccessCode(accessCode, state.accessCodeHash)).toBe(true);
    });

    it('then the answer deadline is 15 working days later, skipping National Day and counting the make-up Saturday', () => {
      // 9-30 (1), 10-08 (2), 10-09 (3), Sat 10-10 (4), 10-12…10-16 (5–9), 10-19…10-23 (10–14), 10-26 (15).
      expect(file().state.answerBy).toBe('2026-10-26');
      expect(file({ kind: 'help' }).state.answerBy).toBe('2026-10-12'); // 9-30, 10-08, 10-09, 10-10, 10-12
      expect(file({ kind: 'consultation' }).state.answerBy).toBe('2026-10-08');
    });

    it('refuses a complaint without a description', () => {
      expect(() => file({ description: '  ' })).toThrow(ComplaintRuleViolated);
    });

    it('refuses a subject outside any district, since complaints go to the district', () => {
      expect(() => file({ subject: { ...licensed, district: 'CN-ZJ-HZ' } })).toThrow(ComplaintRuleViolated);
    });

    it('refuses the unlicensed category for a licensed institution', () => {
      expect(() => file({ category: 'unlicensed' })).toThrow(
        expect.objectContaining({ citation: expect.objectContaining({ field: 'category' }) }),
      );
    });

    it('takes a tip about an unlicensed operator with name, address and activity, under any category', () => {
      const unlicensed = {
        kind: 'unlicensed' as const,
        name: '某小区补习班',
        address: '文三路1号3幢',
        activity: '周末数学补习',
        district: XH,
      };
      expect(file({ category: 'unlicensed', subject: unlicensed }).state.subject).toEqual(unlicensed);
      expect(file({ category: 'fees-refunds', subject: unlicensed }).state.status).toBe('accepted');
      expect(() => file({ category: 'unlicensed', subject: { ...unlicensed, address: '' } })).toThrow(
        ComplaintRuleViolated,
      );
    });

    it('keeps each evidence file once, and at most five of them', () => {
      const photo = (n: number) => ({
        sha256: String(n).repeat(64),
        contentType: 'image/jpeg',
        size: 1000 + n,
      });
      const taken = file({ evidence: [photo(1), photo(2), photo(1)] }).state.evidence;
      expect(taken).toEqual([photo(1), photo(2)]);
      expect(() => file({ evidence: [1, 2, 3, 4, 5, 6].map(photo) })).toThrow(
        expect.objectContaining({ citation: { field: 'evidence', rule: 'at most 5 files' } }),
      );
    });
  });

  describe('route (派单)', () => {
    it('given teaching content, when routed, then education of the district leads and must sign within one working day', () => {
      const { state } = file();
      const events = route(state, { table: DEFAULT_ROUTES, at: ROUTED, by: system }, clock);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'ComplaintRouted',
          responsibility: { district: XH, lead: { department: 'education' }, coHandlers: [] },
          signBy: '2026-09-30',
        }),
      ]);
    });

    it('sends fees to the fund supervisors with market regulation, safety to fire with public security, advertising to market regulation', () => {
      const leadOf = (category: 'fees-refunds' | 'safety' | 'advertising') =>
        routed({ category }).responsibility;
      expect(leadOf('fees-refunds')).toMatchObject({
        lead: { department: 'education', role: 'fund-supervisor' },
        coHandlers: [{ department: 'market-regulation' }],
      });
      expect(leadOf('safety')).toMatchObject({
        lead: { department: 'fire' },
        coHandlers: [{ department: 'public-security' }],
      });
      expect(leadOf('advertising')).toMatchObject({
        lead: { department: 'market-regulation' },
        coHandlers: [],
      });
    });

    it('counts a make-up Saturday for the sign deadline: routed Friday 10-09, signed by Saturday 10-10', () => {
      const { state } = file({ at: bj('2026-10-09T16:00:00') });
      const [e] = route(state, { table: DEFAULT_ROUTES, at: bj('2026-10-09T16:00:00'), by: system }, clock);
      expect(e).toMatchObject({ signBy: '2026-10-10' });
    });

    it('lets a city override the national route for its own districts only', () => {
      const table: RoutingTable = [
        ...DEFAULT_ROUTES,
        {
          category: 'advertising',
          jurisdiction: 'CN-ZJ-HZ',
          lead: { department: 'culture-tourism' },
          coHandlers: [],
        },
      ];
      const { state } = file({ category: 'advertising' });
      expect(route(state, { table, at: ROUTED, by: system }, clock)[0]).toMatchObject({
        responsibility: { lead: { department: 'culture-tourism' } },
      });
      const elsewhere = file({
        category: 'advertising',
        subject: { ...licensed, district: 'CN-ZJ-NB-HS' },
      }).state;
      expect(route(elsewhere, { table, at: ROUTED, by: system }, clock)[0]).toMatchObject({
        responsibility: { lead: { department: 'market-regulation' } },
      });
    });

    it('refuses a category the table has no route for, routing twice, and routing by the institution', () => {
      const { state } = file();
      expect(() => route(state, { table: [], at: ROUTED, by: system }, clock)).toThrow(NoRouteFound);
      expect(() => route(routed(), { table: DEFAULT_ROUTES, at: ROUTED, by: system }, clock)).toThrow(
        InvalidComplaintState,
      );
      const institution: Actor = { kind: 'institution', institutionId: 'inst-1' };
      expect(() => route(state, { table: DEFAULT_ROUTES, at: ROUTED, by: institution }, clock)).toThrow(
        NotResponsible,
      );
    });
  });

  describe('sign (签收)', () => {
    it('given a routed work order, when the lead department signs, then it is signed', () => {
      const s = routed();
      expect(types(sign(s, { at: ROUTED, by: education }))).toEqual(['WorkOrderSigned']);
      expect(signed().status).toBe('signed');
    });

    it('lets a city official of the lead department sign for the district', () => {
      expect(
        sign(routed(), { at: ROUTED, by: official('education', { jurisdiction: 'CN-ZJ-HZ' }) }),
      ).toHaveLength(1);
    });

    it('refuses another department, another district, and a fund work order signed by a plain education official', () => {
      const s = routed();
      expect(() => sign(s, { at: ROUTED, by: market })).toThrow(NotResponsible);
      expect(() =>
        sign(s, { at: ROUTED, by: official('education', { jurisdiction: 'CN-ZJ-HZ-BJ' }) }),
      ).toThrow(NotResponsible);
      const fees = routed({ category: 'fees-refunds' });
      expect(() => sign(fees, { at: ROUTED, by: education })).toThrow(NotResponsible);
      expect(sign(fees, { at: ROUTED, by: fundSupervisor })).toHaveLength(1);
    });

    it('refuses signing twice', () => {
      expect(() => sign(signed(), { at: ROUTED, by: education })).toThrow(InvalidComplaintState);
    });
  });

  describe('handle (办理) and reply (答复)', () => {
    it('given a signed safety complaint, when the co-handler records what it did, then it is being handled', () => {
      const s = signed({ category: 'safety' }, fire);
      const events = recordHandling(s, { note: '现场检查消防通道', at: ROUTED, by: police });
      expect(after(s, events).status).toBe('handling');
      expect(after(s, events).actions.at(-1)).toMatchObject({
        action: 'HandlingRecorded',
        note: '现场检查消防通道',
      });
    });

    it('refuses notes from an unassigned department, empty notes, and notes before signing', () => {
      expect(() => recordHandling(signed(), { note: 'x', at: ROUTED, by: fire })).toThrow(NotResponsible);
      expect(() => recordHandling(signed(), { note: ' ', at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => recordHandling(routed(), { note: 'x', at: ROUTED, by: education })).toThrow(
        InvalidComplaintState,
      );
    });

    it('given the lead replies, then the reply waits for the supervisor', () => {
      expect(replied()).toMatchObject({ status: 'replied', reply: '已约谈机构，责令停止超前培训' });
    });

    it('refuses a reply by a co-handler, an empty reply, and a reply while a transfer is pending', () => {
      const fees = signed({ category: 'fees-refunds' }, fundSupervisor);
      expect(() => reply(fees, { reply: 'x', at: ROUTED, by: market })).toThrow(NotResponsible);
      expect(() => reply(signed(), { reply: '', at: ROUTED, by: education })).toThrow(ComplaintRuleViolated);
      const s = signed();
      const pending = after(
        s,
        requestTransfer(s, {
          to: { department: 'market-regulation' },
          reason: '涉及虚假广告',
          at: ROUTED,
          by: education,
        }),
      );
      expect(() => reply(pending, { reply: 'x', at: ROUTED, by: education })).toThrow(InvalidTransfer);
    });
  });

  describe('the institution’s side', () => {
    it('given the institution complained about, when it replies, then its reply is logged and the status stays', () => {
      const s = signed();
      const by: Actor = { kind: 'institution', institutionId: 'inst-1' };
      const next = after(s, institutionReply(s, { reply: '已调整课表', at: ROUTED, by }));
      expect(next.status).toBe('signed');
      expect(next.actions.at(-1)).toMatchObject({ action: 'InstitutionReplied', note: '已调整课表' });
    });

    it('refuses another institution and a closed complaint', () => {
      expect(() =>
        institutionReply(signed(), {
          reply: 'x',
          at: ROUTED,
          by: { kind: 'institution', institutionId: 'inst-2' },
        }),
      ).toThrow(NotResponsible);
      expect(() =>
        institutionReply(closed(), {
          reply: 'x',
          at: ROUTED,
          by: { kind: 'institution', institutionId: 'inst-1' },
        }),
      ).toThrow(InvalidComplaintState);
    });
  });

  describe('supervise (督办审核) and close (办结)', () => {
    it('given a reply, when a supervisor of the city approves it, then the work order is closed', () => {
      expect(closed().status).toBe('closed');
    });

    it('given a weak reply, when the supervisor sends it back with a reason, then it is handled again', () => {
      const s = replied();
      const back = after(
        s,
        supervise(s, { approve: false, reason: '未说明退费金额', at: ROUTED, by: citySupervisor }),
      );
      expect(back.status).toBe('handling');
      expect(() => supervise(s, { approve: false, reason: '', at: ROUTED, by: citySupervisor })).toThrow(
        ComplaintRuleViolated,
      );
    });

    it('refuses approval by the supervisor who wrote the reply (four eyes)', () => {
      const s = signed({}, citySupervisor);
      const own = after(s, reply(s, { reply: '已处理', at: ROUTED, by: citySupervisor }));
      expect(() => supervise(own, { approve: true, at: ROUTED, by: citySupervisor })).toThrow(NotResponsible);
      const colleague = official('education', {
        jurisdiction: 'CN-ZJ-HZ',
        supervisor: true,
        userId: 'u-city-2',
      });
      expect(supervise(own, { approve: true, at: ROUTED, by: colleague })).toHaveLength(1);
    });

    it('refuses review by the handler itself, by a supervisor elsewhere, and before a reply', () => {
      expect(() => supervise(replied(), { approve: true, at: ROUTED, by: education })).toThrow(
        NotResponsible,
      );
      const ningbo = official('education', { jurisdiction: 'CN-ZJ-NB', supervisor: true });
      expect(() => supervise(replied(), { approve: true, at: ROUTED, by: ningbo })).toThrow(NotResponsible);
      expect(() => supervise(signed(), { approve: true, at: ROUTED, by: citySupervisor })).toThrow(
        InvalidComplaintState,
      );
    });
  });

  describe('call back (回访) and rate (评价)', () => {
    it('given a closed work order, when the complainant is reached, then it is called back; when not reached, it stays closed', () => {
      const s = closed();
      expect(
        after(s, callBack(s, { reached: true, note: '家长已知悉', at: ROUTED, by: education })).status,
      ).toBe('called-back');
      const missed = after(
        s,
        callBack(s, { reached: false, note: '无人接听', at: ROUTED, by: citySupervisor }),
      );
      expect(missed.status).toBe('closed');
      expect(missed.actions.at(-1)).toMatchObject({ action: 'CalledBack', note: '无人接听' });
    });

    it('refuses calling back an anonymous tip, an open complaint, or by an unrelated department', () => {
      const anonymous = file({ complainant: { anonymous: true } }).state;
      const s = after(anonymous, route(anonymous, { table: DEFAULT_ROUTES, at: ROUTED, by: system }, clock));
      const s2 = after(s, sign(s, { at: ROUTED, by: education }));
      const s3 = after(s2, reply(s2, { reply: '已处理', at: ROUTED, by: education }));
      const anonClosed = after(s3, supervise(s3, { approve: true, at: ROUTED, by: citySupervisor }));
      expect(() => callBack(anonClosed, { reached: true, note: '', at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => callBack(signed(), { reached: true, note: '', at: ROUTED, by: education })).toThrow(
        InvalidComplaintState,
      );
      expect(() => callBack(closed(), { reached: true, note: '', at: ROUTED, by: fire })).toThrow(
        NotResponsible,
      );
    });

    it('given a satisfied complainant, when rating, then the loop ends without reopening', () => {
      const events = rate(closed(), { satisfied: true, at: ROUTED, by: { kind: 'complainant' } }, clock);
      expect(types(events)).toEqual(['ComplaintRated']);
      expect(after(closed(), events)).toMatchObject({
        status: 'rated',
        ratings: [{ round: 1, satisfied: true }],
      });
    });

    it('given "not satisfied" in the first round, then it reopens once, to the same lead, with fresh deadlines', () => {
      const at = bj('2026-10-13T09:00:00');
      const s = closed();
      const events = rate(
        s,
        { satisfied: false, comment: '仍在超前上课', at, by: { kind: 'complainant' } },
        clock,
      );
      expect(types(events)).toEqual(['ComplaintRated', 'ComplaintReopened']);
      const reopened = after(s, events);
      expect(reopened).toMatchObject({
        status: 'routed',
        round: 2,
        signBy: '2026-10-14',
        answerBy: '2026-11-03',
        responsibility: { lead: { department: 'education' } },
        reply: undefined,
      });

      // The second handling runs the whole loop again; "not satisfied" now stands: no third round.
      const again = [
        (x: ComplaintState) => sign(x, { at, by: education }),
        (x: ComplaintState) => reply(x, { reply: '已复查并处罚', at, by: education }),
        (x: ComplaintState) => supervise(x, { approve: true, at, by: citySupervisor }),
      ].reduce((x, step) => after(x, step(x)), reopened);
      const last = rate(again, { satisfied: false, at, by: { kind: 'complainant' } }, clock);
      expect(types(last)).toEqual(['ComplaintRated']);
      expect(after(again, last)).toMatchObject({
        status: 'rated',
        round: 2,
        ratings: [
          { round: 1, satisfied: false },
          { round: 2, satisfied: false },
        ],
      });
    });

    it('refuses a rating before closing, a second rating, and one recorded by an unrelated official', () => {
      expect(() =>
        rate(signed(), { satisfied: true, at: ROUTED, by: { kind: 'complainant' } }, clock),
      ).toThrow(InvalidComplaintState);
      const s = closed();
      const rated = after(s, rate(s, { satisfied: true, at: ROUTED, by: { kind: 'complainant' } }, clock));
      expect(() => rate(rated, { satisfied: false, at: ROUTED, by: { kind: 'complainant' } }, clock)).toThrow(
        InvalidComplaintState,
      );
      expect(() => rate(s, { satisfied: true, at: ROUTED, by: fire }, clock)).toThrow(NotResponsible);
    });
  });

  describe('transfer (转办) without passing the buck', () => {
    const toMarket = { department: 'market-regulation' as const };
    const pending = (s = routed()) =>
      after(s, requestTransfer(s, { to: toMarket, reason: '系虚假广告', at: ROUTED, by: education }));

    it('given a transfer request, then the first department stays responsible until it is accepted', () => {
      const s = pending();
      expect(s.responsibility).toMatchObject({
        lead: { department: 'education' },
        pendingTransfer: { to: toMarket, reason: '系虚假广告' },
      });
      expect(() => sign(s, { at: ROUTED, by: market })).toThrow(NotResponsible);
      expect(sign(s, { at: ROUTED, by: education })).toHaveLength(1);
    });

    it('when the receiving department accepts, then it leads and has signed, with the deadline as it stood', () => {
      const s = pending();
      const accepted = after(s, answerTransfer(s, { accept: true, at: ROUTED, by: market }));
      expect(accepted).toMatchObject({
        status: 'signed',
        answerBy: s.answerBy,
        responsibility: { lead: toMarket },
      });
      expect(accepted.responsibility?.pendingTransfer).toBeUndefined();
    });

    it('when it refuses with a reason, then the complaint stays with the department that asked', () => {
      const s = pending();
      const refused = after(
        s,
        answerTransfer(s, { accept: false, reason: '不属本部门职责', at: ROUTED, by: market }),
      );
      expect(refused.responsibility).toEqual({
        district: XH,
        lead: { department: 'education' },
        coHandlers: [],
      });
      expect(() => answerTransfer(s, { accept: false, reason: '', at: ROUTED, by: market })).toThrow(
        ComplaintRuleViolated,
      );
    });

    it('refuses an answer from anyone but the receiving department, and an answer with nothing pending', () => {
      expect(() => answerTransfer(pending(), { accept: true, at: ROUTED, by: education })).toThrow(
        NotResponsible,
      );
      expect(() => answerTransfer(routed(), { accept: true, at: ROUTED, by: market })).toThrow(
        InvalidTransfer,
      );
    });

    it('refuses a second transfer while one is pending, a transfer to itself, one without a reason, and one by a non-lead', () => {
      expect(() =>
        requestTransfer(pending(), { to: { department: 'fire' }, reason: 'x', at: ROUTED, by: education }),
      ).toThrow(InvalidTransfer);
      expect(() =>
        requestTransfer(routed(), {
          to: { department: 'education' },
          reason: 'x',
          at: ROUTED,
          by: education,
        }),
      ).toThrow(InvalidTransfer);
      expect(() =>
        requestTransfer(routed(), { to: toMarket, reason: ' ', at: ROUTED, by: education }),
      ).toThrow(InvalidTransfer);
      expect(() => requestTransfer(routed(), { to: toMarket, reason: 'x', at: ROUTED, by: market })).toThrow(
        NotResponsible,
      );
      expect(() =>
        requestTransfer(closed(), { to: toMarket, reason: 'x', at: ROUTED, by: education }),
      ).toThrow(InvalidComplaintState);
    });
  });

  describe('SLA clocks, escalation (升级督办) and extensions (延期)', () => {
    it('colours the running deadline green, amber on its last working day before, and red once missed', () => {
      const s = signed(); // answer by 2026-10-26 (Monday)
      expect(slaColour(s, bj('2026-10-21T12:00:00'), clock)).toBe('green');
      expect(slaColour(s, bj('2026-10-24T12:00:00'), clock)).toBe('amber'); // Saturday: one working day left
      expect(slaColour(s, bj('2026-10-26T23:59:00'), clock)).toBe('amber');
      expect(slaColour(s, bj('2026-10-27T00:00:00'), clock)).toBe('red');
      expect(slaColour(replied(), bj('2026-12-01T00:00:00'), clock)).toBeUndefined(); // waiting for the supervisor
    });

    it('given the sign deadline is missed, when the sweep runs, then it is recorded once and escalated to the city', () => {
      const s = routed(); // sign by 2026-09-30
      expect(breachDeadline(s, { at: bj('2026-09-30T23:00:00'), by: system }, clock)).toEqual([]);
      const events = breachDeadline(s, { at: bj('2026-10-08T08:00:00'), by: system }, clock);
      expect(events).toEqual([
        expect.objectContaining({ type: 'DeadlineMissed', missed: 'sign', deadline: '2026-09-30' }),
        expect.objectContaining({
          type: 'ComplaintEscalated',
          to: 'CN-ZJ-HZ',
          missed: 'sign',
          deadline: '2026-09-30',
        }),
      ]);
      const escalated = after(s, events);
      expect(escalated.supervisedBy).toBe('CN-ZJ-HZ');
      expect(breachDeadline(escalated, { at: bj('2026-10-09T08:00:00'), by: system }, clock)).toEqual([]);
    });

    it('escalates each missed deadline once: a missed answer after a missed signature goes to the province, then no higher', () => {
      const s = routed();
      const late = after(s, breachDeadline(s, { at: bj('2026-10-08T08:00:00'), by: system }, clock));
      const signedLate = after(late, sign(late, { at: bj('2026-10-08T09:00:00'), by: education }));
      const answerMissed = breachDeadline(signedLate, { at: bj('2026-10-27T08:00:00'), by: system }, clock);
      expect(types(answerMissed)).toEqual(['DeadlineMissed', 'ComplaintEscalated']);
      const atProvince = after(signedLate, answerMissed);
      expect(atProvince.supervisedBy).toBe('CN-ZJ');
      // The city supervisor no longer reviews; only the province does.
      const r = after(atProvince, reply(atProvince, { reply: '已处理', at: ROUTED, by: education }));
      expect(() => supervise(r, { approve: true, at: ROUTED, by: citySupervisor })).toThrow(NotResponsible);
      // An extension granted by the province gives a new deadline; missing it is recorded, with no level above.
      const asked = after(
        atProvince,
        requestExtension(atProvince, { workingDays: 3, reason: '需调取监控', at: ROUTED, by: education }),
      );
      const province = official('education', { jurisdiction: 'CN-ZJ', supervisor: true });
      const extended = after(
        asked,
        decideExtension(asked, { grantWorkingDays: 3, at: ROUTED, by: province }, clock),
      );
      expect(extended.answerBy).toBe('2026-10-29');
      expect(types(breachDeadline(extended, { at: bj('2026-10-30T08:00:00'), by: system }, clock))).toEqual([
        'DeadlineMissed',
      ]);
    });

    it('given an extension request, when the supervisor grants it, then the answer deadline moves by working days', () => {
      const s = signed();
      const asked = after(
        s,
        requestExtension(s, { workingDays: 5, reason: '需会同市场监管调查', at: ROUTED, by: education }),
      );
      expect(asked.pendingExtension).toEqual({ workingDays: 5, reason: '需会同市场监管调查' });
      const granted = after(
        asked,
        decideExtension(asked, { grantWorkingDays: 5, at: ROUTED, by: citySupervisor }, clock),
      );
      expect(granted).toMatchObject({ answerBy: '2026-11-02', pendingExtension: undefined });
    });

    it('when the supervisor refuses it, then the deadline stands', () => {
      const s = signed();
      const asked = after(
        s,
        requestExtension(s, { workingDays: 5, reason: '调查', at: ROUTED, by: education }),
      );
      const refused = after(
        asked,
        decideExtension(asked, { refuse: '事实清楚，无需延期', at: ROUTED, by: citySupervisor }, clock),
      );
      expect(refused).toMatchObject({ answerBy: '2026-10-26', pendingExtension: undefined });
    });

    it('refuses a second pending request, zero days, no reason, more than asked, a non-supervisor, and nothing pending', () => {
      const s = signed();
      const asked = after(
        s,
        requestExtension(s, { workingDays: 2, reason: '调查', at: ROUTED, by: education }),
      );
      expect(() =>
        requestExtension(asked, { workingDays: 1, reason: 'x', at: ROUTED, by: education }),
      ).toThrow(InvalidExtension);
      expect(() => requestExtension(s, { workingDays: 0, reason: 'x', at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => requestExtension(s, { workingDays: 2, reason: '', at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => requestExtension(s, { workingDays: 2, reason: 'x', at: ROUTED, by: market })).toThrow(
        NotResponsible,
      );
      expect(() =>
        decideExtension(asked, { grantWorkingDays: 3, at: ROUTED, by: citySupervisor }, clock),
      ).toThrow(InvalidExtension);
      expect(() => decideExtension(asked, { grantWorkingDays: 1, at: ROUTED, by: education }, clock)).toThrow(
        NotResponsible,
      );
      expect(() =>
        decideExtension(s, { grantWorkingDays: 1, at: ROUTED, by: citySupervisor }, clock),
      ).toThrow(InvalidExtension);
    });
  });

  describe('duplicates (重复件)', () => {
    const first = () => routed();
    const repeat = () => routed({ id: 'c-2', at: bj('2026-09-30T10:00:00') });

    it('given a repeat, when merged into the first, then it ends as merged and the first records it once', () => {
      const into = first();
      const dup = repeat();
      const merged = after(dup, markDuplicate(dup, { into, at: ROUTED, by: education }));
      expect(merged).toMatchObject({ status: 'merged', mergedInto: 'c-1' });
      const attached = after(into, attachDuplicate(into, { duplicateId: 'c-2', at: ROUTED, by: education }));
      expect(attached.duplicates).toEqual(['c-2']);
      expect(attachDuplicate(attached, { duplicateId: 'c-2', at: ROUTED, by: education })).toEqual([]);
      expect(() => attachDuplicate(merged, { duplicateId: 'c-3', at: ROUTED, by: education })).toThrow(
        InvalidComplaintState,
      );
    });

    it('lets intake merge on its own, before anyone signs', () => {
      const dup = file({ id: 'c-2' }).state;
      expect(after(dup, markDuplicate(dup, { into: first(), at: ROUTED, by: system })).status).toBe('merged');
    });

    it('refuses merging into itself, into a closed complaint, across subjects, and by a non-lead', () => {
      const dup = repeat();
      expect(() => markDuplicate(dup, { into: dup, at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => markDuplicate(dup, { into: closed(), at: ROUTED, by: education })).toThrow(
        InvalidComplaintState,
      );
      const other = routed({
        id: 'c-3',
        subject: { ...licensed, institutionId: 'inst-2', licenseId: 'lic-2' },
      });
      expect(() => markDuplicate(dup, { into: other, at: ROUTED, by: education })).toThrow(
        ComplaintRuleViolated,
      );
      expect(() => markDuplicate(dup, { into: first(), at: ROUTED, by: market })).toThrow(NotResponsible);
    });
  });

  it('keeps an append-only action log: every event adds one entry and earlier entries never change', () => {
    const r = replied();
    const c = closed();
    expect(c.actions.slice(0, r.actions.length)).toEqual(r.actions);
    expect(c.actions.map((a) => a.action)).toEqual([
      'ComplaintAccepted',
      'ComplaintRouted',
      'WorkOrderSigned',
      'ReplyGiven',
      'ReplyApproved',
    ]);
  });
});
