import { describe, expect, it } from 'vitest';
import { buildTimeline, decideSystem, needsCertificationAnswer } from '../../src/timeline/timeline';
import { addMonths, formatYearMonth, monthLabel, monthOf } from '../../src/timeline/year-month';

const ym = (s: string) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) });

describe('decideSystem', () => {
  it.each([
    ['2026-12', undefined, 'titp', 'titp-early'],
    ['2027-03', undefined, 'titp', 'titp-early'],
    ['2027-04', 'yes', 'titp', 'titp-certified'],
    ['2027-04', 'no', 'esd', 'esd-uncertified'],
    ['2027-06', 'yes', 'titp', 'titp-certified'],
    ['2027-06', 'unsure', 'esd', 'unsure'],
    ['2027-07', 'yes', 'esd', 'esd-late'],
    ['2029-01', undefined, 'esd', 'esd-late'],
  ] as const)('start %s, certified %s → %s (%s)', (start, certified, system, reason) => {
    expect(decideSystem(ym(start), certified)).toEqual({ system, reason });
  });

  it('asks about certification only from April to June 2027', () => {
    expect(['2027-03', '2027-04', '2027-06', '2027-07'].map((m) => needsCertificationAnswer(ym(m)))).toEqual([false, true, true, false]);
  });
});

describe('buildTimeline', () => {
  it('lays out TITP: lectures, stage i to month 12, stage ii to 36, home, stage iii to 61', () => {
    const steps = buildTimeline(ym('2027-02'), 'titp').map((m) => [formatYearMonth(m.at), m.key]);
    expect(steps).toEqual([
      ['2027-02', 'duration.titp.start'],
      ['2027-03', 'duration.titp.work'],
      ['2028-02', 'duration.titp.stage1End'],
      ['2030-02', 'duration.titp.stage2End'],
      ['2030-02', 'duration.titp.home'],
      ['2032-03', 'duration.titp.stage3End'],
    ]);
  });

  it('lays out ESD: tests in year 1, a change of employer from year 1–2, about 3 years to SSW (i)', () => {
    const steps = buildTimeline(ym('2027-11'), 'esd').map((m) => [formatYearMonth(m.at), m.key]);
    expect(steps).toEqual([
      ['2027-11', 'duration.esd.start'],
      ['2028-11', 'duration.esd.year1'],
      ['2028-11', 'duration.esd.change'],
      ['2030-11', 'duration.esd.end'],
    ]);
  });
});

describe('month arithmetic', () => {
  it('never rolls a month-end date into the wrong month', () => {
    expect(monthOf(new Date('2027-01-31T23:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2027, month: 1 }, 1)).toEqual({ year: 2027, month: 2 });
    expect(addMonths({ year: 2027, month: 12 }, 1)).toEqual({ year: 2028, month: 1 });
    expect(addMonths({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
  });

  it('names months in the user locale', () => {
    expect(monthLabel({ year: 2027, month: 5 }, 'en')).toBe('May 2027');
    expect(monthLabel({ year: 2027, month: 5 }, 'th')).toMatch(/พฤษภาคม/);
    expect(monthLabel({ year: 2027, month: 5 }, 'vi')).toMatch(/5/);
  });
});
