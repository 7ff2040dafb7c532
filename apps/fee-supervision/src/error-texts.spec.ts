import { domainErrorCodes } from '@otr/kernel';
import * as signIn from './application/family-sign-in';
import * as errors from './domain/errors';
import { feeErrorTexts } from './domain/errors.zh-CN';

// A refusal the console shows in English under a Chinese title is a defect: each code has its title.
it('gives every fee supervision refusal a zh-CN title, and titles no code that is gone', () => {
  const codes = domainErrorCodes(errors, signIn);
  expect(codes.length).toBeGreaterThan(0);
  expect(Object.keys(feeErrorTexts.titles).sort()).toEqual(codes);
});
