import { z } from 'zod';
import { Language, problem, ProblemException } from './problem';
import { bodyRefused, nulIssues, UuidPipe, ZodPipe } from './validation';

const body = (error: ProblemException, language: Language = 'en') => problem(error.facts, language, '/x');
const answer = (fn: () => unknown, language: Language = 'en') => {
  try {
    fn();
  } catch (error) {
    return {
      status: (error as ProblemException).getStatus(),
      body: body(error as ProblemException, language),
    };
  }
  throw new Error('no error');
};

describe('validation answers name the field and the rule', () => {
  it('finds every string holding a NUL, by its path', () => {
    expect(nulIssues({ q: 'a\u0000b', list: ['ok', '\u0000'], n: 1, nested: { s: 'fine' } })).toEqual([
      { field: 'q', rule: expect.stringMatching(/NUL/) },
      { field: 'list.1', rule: expect.stringMatching(/NUL/) },
    ]);
    expect(nulIssues('\u0000')).toEqual([{ field: '(body)', rule: expect.stringMatching(/NUL/) }]);
  });

  it('refuses a body nested thousands deep with a 400 naming it, where the walk overflowed the stack (a 500)', () => {
    const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
    const pipe = new ZodPipe(z.object({ refreshToken: z.string() }));
    expect(answer(() => pipe.transform(deep))).toMatchObject({
      status: 400,
      body: { errors: [{ field: '0', rule: expect.stringMatching(/nested at most/) }] },
    });
    expect(answer(() => pipe.transform({ a: JSON.parse('['.repeat(100) + ']'.repeat(100)) }))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'a', rule: expect.stringMatching(/nested at most/) }] },
    });
  });

  it('refuses a NUL in a body before the schema sees it', () => {
    const pipe = new ZodPipe(z.object({ name: z.string() }));
    expect(answer(() => pipe.transform({ name: '张\u0000三' }))).toMatchObject({
      status: 400,
      body: { code: 'validation-failed', errors: [{ field: 'name', rule: expect.stringMatching(/NUL/) }] },
    });
    expect(answer(() => pipe.transform({ name: '张\u0000三' }), 'zh-CN').body.errors).toEqual([
      { field: 'name', rule: '不得包含 NUL 字符（\\u0000）' },
    ]);
  });

  it('names the path parameter that is not a UUID', async () => {
    const pipe = new UuidPipe();
    await expect(
      pipe.transform('3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f', { type: 'param', data: 'id' }),
    ).resolves.toBe('3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f');
    const refused = await pipe
      .transform('not-a-uuid', { type: 'param', data: 'institutionId' })
      .catch((e) => e);
    expect(body(refused).errors).toEqual([
      { field: 'institutionId', rule: 'a UUID (8-4-4-4-12 hex digits)' },
    ]);
    expect(body(refused, 'zh-CN').errors).toEqual([
      { field: 'institutionId', rule: 'UUID（8-4-4-4-12 位十六进制数字）' },
    ]);
  });

  it('turns a body parser refusal into its own status naming the body', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
      limit: 102400,
    });
    const refused = bodyRefused(tooLarge);
    expect(refused.getStatus()).toBe(413);
    expect(body(refused)).toMatchObject({
      status: 413,
      errors: [{ field: '(body)', rule: 'at most 102400 bytes' }],
    });
    expect(body(refused, 'zh-CN').errors).toEqual([{ field: '(body)', rule: '不超过 102400 字节' }]);
  });

  it("words zod's own rules in the caller's language, and keeps a rule the schema words itself", () => {
    const pipe = new ZodPipe(
      z.object({ name: z.string().min(2), at: z.string().refine(() => false, 'a time') }),
    );
    const refused = (() => {
      try {
        pipe.transform({ name: 'x', at: 'y' });
      } catch (e) {
        return e as ProblemException;
      }
      throw new Error('accepted');
    })();
    expect(body(refused).errors).toEqual([
      { field: 'name', rule: 'Too small: expected string to have >=2 characters' },
      { field: 'at', rule: 'a time' },
    ]);
    expect(body(refused, 'zh-CN').errors).toEqual([
      { field: 'name', rule: expect.stringMatching(/^数值过小：期望 string >=2 字符/) },
      { field: 'at', rule: 'a time' },
    ]);
  });
});
