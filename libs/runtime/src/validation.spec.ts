import { HttpException } from '@nestjs/common';
import { z } from 'zod';
import { bodyRefused, nulIssues, UuidPipe, ZodPipe } from './validation';

const answer = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { status: (error as HttpException).getStatus(), body: (error as HttpException).getResponse() };
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
      body: { issues: [{ field: '0', rule: expect.stringMatching(/nested at most/) }] },
    });
    expect(answer(() => pipe.transform({ a: JSON.parse('['.repeat(100) + ']'.repeat(100)) }))).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'a', rule: expect.stringMatching(/nested at most/) }] },
    });
  });

  it('refuses a NUL in a body before the schema sees it', () => {
    const pipe = new ZodPipe(z.object({ name: z.string() }));
    expect(answer(() => pipe.transform({ name: '张\u0000三' }))).toMatchObject({
      status: 400,
      body: { error: 'ValidationFailed', issues: [{ field: 'name', rule: expect.stringMatching(/NUL/) }] },
    });
  });

  it('names the path parameter that is not a UUID', async () => {
    const pipe = new UuidPipe();
    await expect(
      pipe.transform('3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f', { type: 'param', data: 'id' }),
    ).resolves.toBe('3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f');
    const refused = await pipe
      .transform('not-a-uuid', { type: 'param', data: 'institutionId' })
      .catch((e) => e);
    expect(refused.getResponse()).toMatchObject({
      issues: [{ field: 'institutionId', rule: expect.stringMatching(/UUID/) }],
    });
  });

  it('turns a body parser refusal into its own status naming the body', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
      limit: 102400,
    });
    const refused = bodyRefused(tooLarge);
    expect(refused.getStatus()).toBe(413);
    expect(refused.getResponse()).toMatchObject({
      issues: [{ field: '(body)', rule: 'at most 102400 bytes' }],
    });
  });
});
