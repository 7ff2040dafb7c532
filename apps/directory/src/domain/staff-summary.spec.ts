import { summariseStaff } from './staff-summary';

describe('the public staff summary', () => {
  it('given teachers and other staff, then it counts teachers by subject and those with a certificate', () => {
    expect(
      summariseStaff([
        { role: 'teacher', subject: '美术', certified: true },
        { role: 'teacher', subject: '美术', certified: false },
        { role: 'teacher', subject: '书法', certified: true },
        { role: 'other', subject: null, certified: false },
      ]),
    ).toEqual({
      teachers: 3,
      certifiedTeachers: 2,
      otherStaff: 1,
      bySubject: [
        { subject: '美术', teachers: 2, certified: 1 },
        { subject: '书法', teachers: 1, certified: 1 },
      ],
    });
  });

  it('given nobody on file, then every count is zero', () => {
    expect(summariseStaff([])).toEqual({ teachers: 0, certifiedTeachers: 0, otherStaff: 0, bySubject: [] });
  });
});
