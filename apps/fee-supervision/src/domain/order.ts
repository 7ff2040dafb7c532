import { Money } from '@otr/kernel';

/** 学科类 or 非学科类: subject-type institutions face guided prices and the stricter training times. */
export type InstitutionCategory = 'subject' | 'non-subject';
export type TeachingMode = 'online' | 'offline';

/** How the family pays: into which account, and whether a lender stands behind it (培训贷). */
export interface PaymentChannel {
  into: 'supervised-account' | 'other-account';
  method: 'direct' | 'training-loan';
}

/** One charge (一次收费): a new order a family is asked to pay for. */
export interface Charge {
  orderId: string;
  institutionId: string;
  familyId: string;
  studentId: string;
  subject: string;
  category: InstitutionCategory;
  mode: TeachingMode;
  classSize: number;
  /** Class hours paid for; may be absent for a non-subject charge by period only. */
  hours?: number;
  /** 赠送课时: free hours count against the caps like paid ones. */
  giftHours?: number;
  /** Months the charge covers when charging by period (按期收费). */
  months?: number;
  /** Minutes of one class hour as sold, to compare with the standard lesson of the guided price. */
  lessonMinutes: number;
  amount: Money;
  /** 'YYYY-MM-DD' the course starts. */
  courseStartsOn: string;
  payment: PaymentChannel;
}

/**
 * A family's order with the same institution for the same student and subject that still holds
 * prepaid hours, as the ledger and the lesson records see it today.
 */
export interface OpenOrder {
  orderId: string;
  institutionId: string;
  studentId: string;
  subject: string;
  courseStartsOn: string;
  /** Hours not yet taught, gift hours included. */
  hoursLeft: number;
  /** Whole months of a period charge not yet run (0 or absent for charges by hours). */
  monthsLeft?: number;
  /** What the order still holds in escrow. */
  escrow: Money;
}

/** Paid and gift hours (赠送课时): every hour taught, free or not, releases the same share (一课一消). */
export const totalHours = (o: { hours?: number | null; giftHours?: number | null }): number =>
  (o.hours ?? 0) + (o.giftHours ?? 0);

/** Class-size bands of the guided price: < 10, 10–35, > 35 students. */
export type ClassSizeBand = 'under10' | 'from10To35' | 'over35';

export const classSizeBand = (students: number): ClassSizeBand =>
  students < 10 ? 'under10' : students <= 35 ? 'from10To35' : 'over35';
