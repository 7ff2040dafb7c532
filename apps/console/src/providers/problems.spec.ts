import { formFieldOf, problemsOf } from './problems';

describe('refusals placed on a form', () => {
  const fields = ['institutionName', 'address', 'maxClassSize', 'certificate.subject'];

  it('puts each 400 issue next to its input, under the form field its path ends with', () => {
    const body = {
      statusCode: 400,
      issues: [
        { field: 'changes.institutionName', rule: 'Too small: expected string to have >=2 characters' },
        { field: 'changes.address', rule: 'Too small: expected string to have >=4 characters' },
      ],
    };
    expect(problemsOf(body, fields)).toEqual({
      fields: {
        institutionName: 'Too small: expected string to have >=2 characters',
        address: 'Too small: expected string to have >=4 characters',
      },
      general: [],
    });
  });

  it('shows a 422 rule with the document it comes from', () => {
    const body = {
      statusCode: 422,
      message: 'online lessons of 90 minutes are too long',
      field: 'course.maxClassSize',
      rule: 'class size within the venue the license was issued for',
      source: '中办发〔2021〕40号 (双减)',
    };
    expect(problemsOf(body, fields).fields).toEqual({
      maxClassSize: 'class size within the venue the license was issued for（中办发〔2021〕40号 (双减)）',
    });
    expect(formFieldOf('staff.certificate.subject', fields)).toBe('certificate.subject');
  });

  it('keeps what has no input above the form, with the service’s message', () => {
    const body = {
      statusCode: 422,
      message: 'only the sports department decides here',
      field: 'department',
      rule: 'the category decides the competent department',
      source: '中办发〔2021〕40号',
    };
    expect(problemsOf(body, fields)).toEqual({
      fields: {},
      general: [
        'only the sports department decides here — department: the category decides the competent department（中办发〔2021〕40号）',
      ],
    });
    expect(
      problemsOf({ issues: [{ field: 'changes', rule: 'name at least one change' }] }, fields).general,
    ).toEqual(['changes: name at least one change']);
    expect(problemsOf({ statusCode: 409, message: 'being decided by someone else' }, fields).general).toEqual(
      ['being decided by someone else'],
    );
    expect(problemsOf(null, fields, 'Bad Gateway').general).toEqual(['Bad Gateway']);
  });
});
