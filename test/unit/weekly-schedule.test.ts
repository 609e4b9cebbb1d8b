import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  isoWeekKey,
  isoWeekOfDate,
  nextFireTime,
  previousFireTime,
  previousIsoWeek,
  zonedTimeToInstant,
} from '../../src/weekly/schedule.ts';

const iso = (d: Date) => d.toISOString();

describe('weekly schedule maths', () => {
  it.each([
    // [schedule, from, expected next fire]
    [{ day: 5, time: '18:00', timezone: 'UTC' }, '2026-11-24T05:00:00Z', '2026-11-27T18:00:00.000Z'],
    [{ day: 5, time: '18:00', timezone: 'Europe/Berlin' }, '2026-11-24T05:00:00Z', '2026-11-27T17:00:00.000Z'],
    [{ day: 5, time: '18:00', timezone: 'America/New_York' }, '2026-11-24T05:00:00Z', '2026-11-27T23:00:00.000Z'],
    [{ day: 1, time: '09:30', timezone: 'Asia/Kolkata' }, '2026-11-24T05:00:00Z', '2026-11-30T04:00:00.000Z'],
    [{ day: 2, time: '08:00', timezone: 'Pacific/Auckland' }, '2026-11-23T18:00:00Z', '2026-11-23T19:00:00.000Z'],
    // exactly at fire time: strictly after, so next week
    [{ day: 5, time: '18:00', timezone: 'UTC' }, '2026-11-27T18:00:00Z', '2026-12-04T18:00:00.000Z'],
  ])('when the schedule is %j and it is %s, then the next run is %s', (s, from, expected) => {
    expect(iso(nextFireTime(s, new Date(from)))).toBe(expected);
  });

  it('when clocks spring forward and the local time does not exist, then it fires once, shifted by the gap', () => {
    // Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST. 02:30 does not exist; it fires at 03:30 CEST (01:30Z).
    const s = { day: 0, time: '02:30', timezone: 'Europe/Berlin' };
    expect(iso(nextFireTime(s, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    // and the week after is back to the normal 02:30 CEST
    expect(iso(nextFireTime(s, new Date('2026-03-29T01:30:00Z')))).toBe('2026-04-05T00:30:00.000Z');
  });

  it('when clocks fall back and the local time happens twice, then it fires at the first occurrence only', () => {
    // America/New_York: 2026-11-01 02:00 EDT → 01:00 EST. 01:30 happens at 05:30Z and 06:30Z.
    const s = { day: 0, time: '01:30', timezone: 'America/New_York' };
    const first = nextFireTime(s, new Date('2026-10-31T12:00:00Z'));
    expect(iso(first)).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextFireTime(s, first))).toBe('2026-11-08T06:30:00.000Z');
  });

  it('when a week spans a DST change, then the UTC time of the run moves and the local time does not', () => {
    const s = { day: 5, time: '18:00', timezone: 'Europe/London' };
    let t = new Date('2026-10-16T00:00:00Z');
    const fires: string[] = [];
    for (let i = 0; i < 3; i++) {
      t = nextFireTime(s, t);
      fires.push(iso(t));
    }
    expect(fires).toEqual(['2026-10-16T17:00:00.000Z', '2026-10-23T17:00:00.000Z', '2026-10-30T18:00:00.000Z']);
  });

  it('when asking for the previous fire time, then it is the latest at or before the instant', () => {
    const s = { day: 5, time: '18:00', timezone: 'Europe/Berlin' };
    expect(iso(previousFireTime(s, new Date('2026-11-27T17:00:00Z')))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(previousFireTime(s, new Date('2026-11-27T16:59:00Z')))).toBe('2026-11-20T17:00:00.000Z');
  });

  it('when converting a local time in the fall-back hour, then the earlier instant is chosen', () => {
    const t = zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(new Date(t).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it.each([
    [2026, 11, 24, '2026-W48'],
    [2021, 1, 3, '2020-W53'],
    [2024, 12, 30, '2025-W01'],
    [2026, 1, 1, '2026-W01'],
  ])('when the date is %i-%i-%i, then the ISO week is %s', (y, m, d, expected) => {
    expect(isoWeekOfDate(y, m, d)).toBe(expected);
  });

  it('when the ISO week depends on the time zone, then the local date decides', () => {
    // Sunday 23:30 in New York is already Monday (next ISO week) in UTC.
    const t = new Date('2026-11-30T04:30:00Z');
    expect(isoWeekKey(t, 'America/New_York')).toBe('2026-W48');
    expect(isoWeekKey(t, 'UTC')).toBe('2026-W49');
  });

  it('when a time zone is unknown or oddly cased, then it is refused or canonicalised', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(() => nextFireTime({ day: 1, time: '25:00', timezone: 'UTC' }, new Date())).toThrow(RangeError);
  });
});

describe('the ISO week before', () => {
  it.each([
    ['2026-W49', '2026-W48'],
    ['2026-W01', '2025-W52'],
    ['2021-W01', '2020-W53'],
    ['2027-W01', '2026-W53'],
  ])('when the week is %s, then the one before is %s', (week, before) => {
    expect(previousIsoWeek(week)).toBe(before);
  });
});
