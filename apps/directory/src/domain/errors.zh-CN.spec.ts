import { domainErrorCodes } from '@otr/kernel';
import * as errors from './errors';
import { directoryErrorTexts } from './errors.zh-CN';

it('gives every directory refusal a zh-CN title, and titles no code that is gone', () => {
  expect(Object.keys(directoryErrorTexts.titles).sort()).toEqual(domainErrorCodes(errors));
});
