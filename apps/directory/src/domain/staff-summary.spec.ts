import { summariseStaff } from './staff-summary';

describe('the public staff summary', () => {
  it('given teachers and other staff, then it lists them by name with the kind of certificate on file and counts them by subject', () => {
    expect(
      summariseStaff([
        {
          name: '李华',
          role: 'teacher',
          subject: '美术',
          certified: true,
          certificateKind: 'arts-professional',
        },
        { name: '王芳', role: 'other', subject: null, certified: false, certificateKind: null },
        { name: '陈静', role: 'teacher', subject: '美术', certified: false, certificateKind: null },
        {
          name: '张伟',
          role: 'teacher',
          subject: '书法',
          certified: true,
          certificateKind: 'teacher-qualification',
        },
      ]),
    ).toEqual({
      teachers: 3,
      certifiedTeachers: 2,
      otherStaff: 1,
      bySubject: [
        { subject: '美术', teachers: 2, certified: 1 },
        { subject: '书法', teachers: 1, certified: 1 },
      ],
      members: [
        { name: '陈静', role: 'teacher', subject: '美术', certified: false, certificateKind: null },
        {
          name: '李华',
          role: 'teacher',
          subject: '美术',
          certified: true,
          certificateKind: 'arts-professional',
        },
        {
          name: '张伟',
          role: 'teacher',
          subject: '书法',
          certified: true,
          certificateKind: 'teacher-qualification',
        },
        { name: '王芳', role: 'other', subject: null, certified: false, certificateKind: null },
      ],
    });
  });

  it('given nobody on file, then every count is zero', () => {
    expect(summariseStaff([])).toEqual({
      teachers: 0,
      certifiedTeachers: 0,
      otherStaff: 0,
      bySubject: [],
      members: [],
    });
  });
});
