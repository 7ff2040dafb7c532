import { request } from 'express';
import { domainErrorCodes, InvalidDate, InvalidMoney } from '@otr/kernel';
import { InvalidJurisdiction } from '@otr/rules';
import * as storage from '@otr/storage';
import { domainProblem } from './errors-filter';
import { addProblemTexts, hasZhTitle, languageOf, problem, PROBLEM_BASE } from './problem';

/** An express request carrying only the given Accept-Language. */
const asking = (acceptLanguage?: string) =>
  Object.assign(Object.create(request), {
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });

describe('the language an answer is written in', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['*', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh;q=0.9', 'zh-CN'],
    ['fr, en;q=0.1', 'en'],
    ['fr', 'zh-CN'],
  ])('Accept-Language %p → %s', (header, language) => {
    expect(languageOf(asking(header))).toBe(language);
  });
});

describe('the problem builder', () => {
  addProblemTexts({
    titles: { 'test.RuleBroken': '测试规则被违反' },
    phrases: { 'the rule was broken': '违反了规则', 'at least 3 m² per student': '生均面积不少于 3 平方米' },
  });
  const facts = {
    status: 422,
    code: 'test.RuleBroken',
    detail: 'the rule was broken',
    errors: [{ field: 'venue.area', rule: 'at least 3 m² per student', source: '国办发〔2018〕80号' }],
  };

  it('writes RFC 9457 members and the field issues in English', () => {
    expect(problem(facts, 'en', '/applications')).toEqual({
      type: `${PROBLEM_BASE}test.RuleBroken`,
      title: 'Rule broken',
      status: 422,
      detail: 'the rule was broken',
      instance: '/applications',
      code: 'test.RuleBroken',
      errors: [{ field: 'venue.area', rule: 'at least 3 m² per student', source: '国办发〔2018〕80号' }],
    });
  });

  it('writes title, detail and rules in zh-CN from the catalogue, English where it has no entry', () => {
    expect(problem(facts, 'zh-CN', '/applications')).toMatchObject({
      title: '测试规则被违反',
      detail: '违反了规则',
      errors: [{ field: 'venue.area', rule: '生均面积不少于 3 平方米', source: '国办发〔2018〕80号' }],
    });
    expect(problem({ ...facts, detail: 'something new' }, 'zh-CN', '/x').detail).toBe('something new');
  });

  it('titles an answer that has only a status, and details a validation answer by its fields', () => {
    expect(problem({ status: 404, code: 'not-found' }, 'zh-CN', '/x')).toMatchObject({
      title: '未找到',
      detail: '未找到',
    });
    const issues = [
      { field: 'name', rule: 'required' },
      { field: 'age', rule: 'a number' },
    ];
    expect(problem({ status: 400, code: 'validation-failed', errors: issues }, 'en', '/x')).toMatchObject({
      title: 'Validation failed',
      detail: 'name: required; age: a number',
    });
    expect(problem({ status: 400, code: 'validation-failed', errors: issues }, 'zh-CN', '/x').title).toBe(
      '输入不符合要求',
    );
  });

  it('carries a domain refusal’s citation as its field issue', () => {
    expect(
      problem(domainProblem(new InvalidMoney('not an amount in yuan: x', { rule: 'digits' })), 'en', '/x'),
    ).toMatchObject({
      status: 422,
      code: 'kernel.InvalidMoney',
      errors: [{ field: '(body)', rule: 'digits' }],
    });
    expect(problem(domainProblem(new InvalidDate('not a valid instant')), 'en', '/x').errors).toBeUndefined();
  });

  it('has a zh-CN title for every refusal of the shared libraries', () => {
    const codes = domainErrorCodes({ InvalidMoney, InvalidDate, InvalidJurisdiction }, storage);
    expect(codes.length).toBeGreaterThanOrEqual(7);
    expect(codes.filter((c) => !hasZhTitle(c))).toEqual([]);
  });
});
