import { isWeekend, RuleCitation, WorkingDayCalendar } from '@otr/kernel';
import { minutesOfDay } from './dates';
import { FeeRules } from './fee-rules';
import { InstitutionCategory, TeachingMode } from './order';

export type TrainingRules = Pick<
  FeeRules,
  'offlineEndTime' | 'onlineEndTime' | 'onlineLessonMaxMinutes' | 'onlineBreakMinutes' | 'schoolVacations'
>;

/** A lesson as scheduled or held: when, how long, how, by what kind of institution. */
export interface LessonSlot {
  id?: string;
  /** 'YYYY-MM-DD', Beijing. */
  date: string;
  /** 'HH:mm', Beijing wall clock. */
  start: string;
  durationMinutes: number;
  mode: TeachingMode;
  category: InstitutionCategory;
}

export type TrainingTimeCode =
  | 'subject-on-weekend'
  | 'subject-on-statutory-holiday'
  | 'subject-in-school-vacation'
  | 'ends-too-late'
  | 'online-lesson-too-long'
  | 'online-break-too-short';

export interface TrainingTimeViolation {
  code: TrainingTimeCode;
  lessonId?: string;
  citation: RuleCitation;
}

const DOUBLE_REDUCTION_13 =
  '中办发〔2021〕40号 (双减) 第（十三）项：不得占用国家法定节假日、休息日及寒暑假期组织学科类培训';

/**
 * 培训时间: a breach is recorded and raised as an event, not refused, so this returns violations.
 * Subject-type training is off on rest days — weekends unless a make-up working day (调休),
 * statutory holidays — and in the school vacations of the local school calendar (none checked
 * where the rulebook has none); every lesson ends by the mode's end time; online lessons are at
 * most onlineLessonMaxMinutes long.
 */
export function checkTrainingTime(
  lesson: LessonSlot,
  rules: TrainingRules,
  calendar: WorkingDayCalendar,
): TrainingTimeViolation[] {
  const found: TrainingTimeViolation[] = [];
  const add = (code: TrainingTimeCode, citation: RuleCitation) =>
    found.push({ code, lessonId: lesson.id, citation });

  if (lesson.category === 'subject') {
    if (!calendar.isWorkingDay(lesson.date)) {
      const holiday = calendar.scheduleOf(Number(lesson.date.slice(0, 4)))?.holidays.includes(lesson.date);
      if (holiday || !isWeekend(lesson.date)) {
        add('subject-on-statutory-holiday', {
          field: 'date',
          rule: 'no subject-type training on statutory holidays',
          source: DOUBLE_REDUCTION_13,
        });
      } else {
        add('subject-on-weekend', {
          field: 'date',
          rule: 'no subject-type training on weekends (make-up working days excepted)',
          source: DOUBLE_REDUCTION_13,
        });
      }
    }
    const vacations = rules.schoolVacations;
    const vacation = vacations?.value.find((v) => v.from <= lesson.date && lesson.date <= v.to);
    if (vacations && vacation) {
      add('subject-in-school-vacation', {
        field: 'date',
        rule: `no subject-type training in school vacations (${vacation.name} ${vacation.from} – ${vacation.to})`,
        source: `${DOUBLE_REDUCTION_13}；${vacations.source}`,
      });
    }
  }

  const end = minutesOfDay(lesson.start) + lesson.durationMinutes;
  const latest = lesson.mode === 'online' ? rules.onlineEndTime : rules.offlineEndTime;
  if (end > minutesOfDay(latest.value)) {
    add('ends-too-late', {
      field: 'start',
      rule: `${lesson.mode} training ends by ${latest.value}`,
      source: latest.source,
    });
  }
  const max = rules.onlineLessonMaxMinutes;
  if (lesson.mode === 'online' && lesson.durationMinutes > max.value) {
    add('online-lesson-too-long', {
      field: 'durationMinutes',
      rule: `online lessons at most ${max.value} minutes`,
      source: max.source,
    });
  }
  return found;
}

/**
 * A day's online lessons for one student: each checked alone, and consecutive ones at least
 * onlineBreakMinutes apart (课间休息).
 */
export function checkOnlineDay(
  lessons: readonly LessonSlot[],
  rules: TrainingRules,
  calendar: WorkingDayCalendar,
): TrainingTimeViolation[] {
  const found = lessons.flatMap((l) => checkTrainingTime(l, rules, calendar));
  const online = lessons
    .filter((l) => l.mode === 'online')
    .sort((a, b) =>
      a.date === b.date ? minutesOfDay(a.start) - minutesOfDay(b.start) : a.date < b.date ? -1 : 1,
    );
  const gap = rules.onlineBreakMinutes;
  for (let i = 1; i < online.length; i++) {
    const prev = online[i - 1];
    const next = online[i];
    if (prev.date !== next.date) continue;
    if (minutesOfDay(next.start) - (minutesOfDay(prev.start) + prev.durationMinutes) < gap.value) {
      found.push({
        code: 'online-break-too-short',
        lessonId: next.id,
        citation: {
          field: 'start',
          rule: `at least ${gap.value} minutes between online lessons`,
          source: gap.source,
        },
      });
    }
  }
  return found;
}
