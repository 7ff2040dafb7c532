import { formFieldOf, problemsOf } from './problems';

/** A problem+json body as the services write it (docs/integration.md, Errors). */
const problem = (status: number, code: string, detail: string, errors?: object[]) => ({
  type: `https://otr.example.cn/problems/${code}`,
  title: code,
  status,
  detail,
  instance: '/x',
  code,
  ...(errors ? { errors } : {}),
});

describe('refusals placed on a form', () => {
  const fields = ['institutionName', 'address', 'maxClassSize', 'certificate.subject'];

  it('puts each 400 issue next to its input, under the form field its path ends with', () => {
    const body = problem(400, 'validation-failed', '…', [
      { field: 'changes.institutionName', rule: '数值过小：期望 string >=2 字符' },
      { field: 'changes.address', rule: 'Too small: expected string to have >=4 characters' },
    ]);
    expect(problemsOf(body, fields)).toEqual({
      fields: {
        institutionName: '数值过小：期望 string >=2 字符',
        address: 'Too small: expected string to have >=4 characters',
      },
      general: [],
    });
  });

  it('reads the problem react-admin’s HttpError carries beside its own errors map', () => {
    const body = problem(400, 'validation-failed', '…', [{ field: 'address', rule: 'required' }]);
    expect(problemsOf({ errors: { address: 'required' }, problem: body }, fields).fields).toEqual({
      address: 'required',
    });
  });

  it('shows a 422 rule with the document it comes from', () => {
    const body = problem(
      422,
      'registration.LicensingRuleViolated',
      'online lessons of 90 minutes are too long',
      [
        {
          field: 'course.maxClassSize',
          rule: 'class size within the venue the license was issued for',
          source: '中办发〔2021〕40号 (双减)',
        },
      ],
    );
    expect(problemsOf(body, fields).fields).toEqual({
      maxClassSize: 'class size within the venue the license was issued for（中办发〔2021〕40号 (双减)）',
    });
    expect(formFieldOf('staff.certificate.subject', fields)).toBe('certificate.subject');
  });

  it('keeps what has no input above the form, with the problem’s detail', () => {
    const body = problem(
      422,
      'registration.NotCompetentToDecide',
      'only the sports department decides here',
      [
        {
          field: 'department',
          rule: 'the category decides the competent department',
          source: '中办发〔2021〕40号',
        },
      ],
    );
    expect(problemsOf(body, fields)).toEqual({
      fields: {},
      general: [
        'only the sports department decides here — department: the category decides the competent department（中办发〔2021〕40号）',
      ],
    });
    expect(
      problemsOf(
        problem(400, 'validation-failed', 'changes: …', [
          { field: 'changes', rule: 'name at least one change' },
        ]),
        fields,
      ).general,
    ).toEqual(['changes: name at least one change']);
    expect(problemsOf(problem(409, 'conflict', '正由他人处理', undefined), fields).general).toEqual([
      '正由他人处理',
    ]);
    expect(problemsOf(null, fields, 'Bad Gateway').general).toEqual(['Bad Gateway']);
  });
});
