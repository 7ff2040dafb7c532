import { filterClause } from './dead-letters';

describe('dead-letter filters', () => {
  it('no filter is every dead letter', () => {
    expect(filterClause({})).toEqual({ where: '', params: [] });
  });

  it('numbers each condition’s parameter in order, so paging can add its own after them', () => {
    expect(
      filterClause({ consumer: 'registration.inspection-decisions', eventType: 'PenaltyDecided' }),
    ).toEqual({
      where: 'WHERE consumer = $1 AND event_type = $2',
      params: ['registration.inspection-decisions', 'PenaltyDecided'],
    });
  });

  it('open only: never redriven, or refused again — applied, duplicate and ignored are settled', () => {
    expect(filterClause({ eventType: 'RefundPaid', openOnly: true })).toEqual({
      where: `WHERE event_type = $1 AND (redrive_outcome IS NULL OR redrive_outcome = 'refused')`,
      params: ['RefundPaid'],
    });
    expect(filterClause({ openOnly: false })).toEqual({ where: '', params: [] });
  });

  it('a value is a parameter, never SQL', () => {
    const { where, params } = filterClause({ consumer: "x' OR '1'='1" });
    expect(where).toBe('WHERE consumer = $1');
    expect(params).toEqual(["x' OR '1'='1"]);
  });
});
