import { isOpen, listUrl, readablePayload, redriveUrl } from './dead-letters-api';

describe('the dead letters screen’s requests', () => {
  it('lists one service’s dead letters, open only when asked, from a cursor', () => {
    expect(listUrl('fee-supervision', { openOnly: true })).toBe(
      '/api/fee-supervision/dead-letters?pageSize=50&open=true',
    );
    expect(listUrl('directory', { openOnly: false, after: 'WyJ4IiwieSJd' })).toBe(
      '/api/directory/dead-letters?pageSize=50&after=WyJ4IiwieSJd',
    );
  });

  it('redrives one, or the ones shown', () => {
    expect(redriveUrl('registration', 'a-1')).toBe('/api/registration/dead-letters/a-1/redrive');
    expect(redriveUrl('registration')).toBe('/api/registration/dead-letters/redrive');
  });

  it('counts refused-again as open and applied, duplicate or ignored as settled', () => {
    const letter = { redriveOutcome: null } as Parameters<typeof isOpen>[0];
    expect(isOpen(letter)).toBe(true);
    expect(isOpen({ ...letter, redriveOutcome: 'refused' })).toBe(true);
    expect(isOpen({ ...letter, redriveOutcome: 'duplicate' })).toBe(false);
  });

  it('shows a JSON payload indented and anything else as it came', () => {
    expect(readablePayload('{"type":"x"}')).toBe('{\n  "type": "x"\n}');
    expect(readablePayload('not json')).toBe('not json');
  });
});
