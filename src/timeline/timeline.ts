import { addMonths, compareMonths, type YearMonth } from './year-month';

/** The first month in which ESD applies to new entrants (1 April 2027, Act No. 60 of 2024). */
export const ESD_START: YearMonth = { year: 2027, month: 4 };
/** Trainees with a plan certified before ESD_START must enter Japan by 30 June 2027. */
export const TITP_LAST_ENTRY: YearMonth = { year: 2027, month: 6 };

/** The user's answer about certification, asked only when it decides the system. */
export type Certified = 'yes' | 'no' | 'unsure';

export type SystemReason = 'titp-early' | 'titp-certified' | 'esd-late' | 'esd-uncertified' | 'unsure';

/** Which system applies and why, in ids that map to localized explanations. */
export interface SystemDecision {
  readonly system: 'titp' | 'esd';
  readonly reason: SystemReason;
}

/** Whether the start month needs the certification question (April to June 2027). */
export function needsCertificationAnswer(start: YearMonth): boolean {
  return compareMonths(start, ESD_START) >= 0 && compareMonths(start, TITP_LAST_ENTRY) <= 0;
}

/**
 * TITP applies only if the training plan was certified before 1 April 2027 and the person enters Japan by
 * 30 June 2027; otherwise ESD. Someone unsure is shown ESD, the likelier case, with both conditions explained.
 */
export function decideSystem(start: YearMonth, certified?: Certified): SystemDecision {
  if (compareMonths(start, ESD_START) < 0) return { system: 'titp', reason: 'titp-early' };
  if (compareMonths(start, TITP_LAST_ENTRY) > 0) return { system: 'esd', reason: 'esd-late' };
  if (certified === 'yes') return { system: 'titp', reason: 'titp-certified' };
  if (certified === 'no') return { system: 'esd', reason: 'esd-uncertified' };
  return { system: 'esd', reason: 'unsure' };
}

/** One milestone: a month and the id of its localized description. */
export interface Milestone {
  readonly at: YearMonth;
  readonly key: string;
}

/**
 * The personal timeline. TITP: about a month of lectures, stage i to month 12, stage ii to month 36, at least a
 * month at home, stage iii to month 61 (5 years of training at most). ESD: tests in year 1, a change of employer
 * possible from year 1–2 depending on the field, about 3 years to SSW (i) level.
 */
export function buildTimeline(start: YearMonth, system: 'titp' | 'esd'): Milestone[] {
  if (system === 'titp') {
    return [
      { at: start, key: 'duration.titp.start' },
      { at: addMonths(start, 1), key: 'duration.titp.work' },
      { at: addMonths(start, 12), key: 'duration.titp.stage1End' },
      { at: addMonths(start, 36), key: 'duration.titp.stage2End' },
      { at: addMonths(start, 36), key: 'duration.titp.home' },
      { at: addMonths(start, 61), key: 'duration.titp.stage3End' },
    ];
  }
  return [
    { at: start, key: 'duration.esd.start' },
    { at: addMonths(start, 12), key: 'duration.esd.year1' },
    { at: addMonths(start, 12), key: 'duration.esd.change' },
    { at: addMonths(start, 36), key: 'duration.esd.end' },
  ];
}
