import { complaintFigures, ComplaintOnRecord } from './complaint-figures';

const complaint = (closedRound: number, reopened = false, unsatisfiedRound = 0): ComplaintOnRecord => ({
  closedRound,
  reopened,
  unsatisfiedRound,
});

describe('the complaint figures of an institution', () => {
  it('given none closed, then no rate', () => {
    expect(complaintFigures([])).toEqual({ total: 0, closed: 0, resolved: 0, resolutionRate: null });
    expect(complaintFigures([complaint(0)])).toEqual({
      total: 1,
      closed: 0,
      resolved: 0,
      resolutionRate: null,
    });
  });

  it('counts as resolved a complaint closed in its last round and not rated "not satisfied" there, of those closed', () => {
    expect(
      complaintFigures([
        complaint(0), // being handled: not closed yet
        complaint(1), // closed, not rated
        complaint(1, true, 1), // not satisfied, reopened: open again
        complaint(2, true, 1), // second round closed
        complaint(2, true, 2), // second round closed, not satisfied again
      ]),
    ).toEqual({ total: 5, closed: 4, resolved: 2, resolutionRate: 50 });
    expect(complaintFigures([complaint(1), complaint(1), complaint(1, true, 1)])).toEqual({
      total: 3,
      closed: 3,
      resolved: 2,
      resolutionRate: 67,
    });
  });
});
