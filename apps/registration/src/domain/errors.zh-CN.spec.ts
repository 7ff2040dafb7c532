import { domainErrorCodes } from '@otr/kernel';
import * as errors from './errors';
import { registrationErrorTexts } from './errors.zh-CN';

// A refusal the console shows in English under a Chinese title is a defect: each code has its title.
it('gives every registration refusal a zh-CN title, and titles no code that is gone', () => {
  const codes = domainErrorCodes(errors);
  expect(codes.length).toBeGreaterThan(0);
  expect(Object.keys(registrationErrorTexts.titles).sort()).toEqual(codes);
});
