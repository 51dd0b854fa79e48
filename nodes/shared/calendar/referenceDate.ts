/**
 * The "as of" day of a run: today in the workflow time zone, or a date the user sets for replays and
 * tests. Accepts "YYYY-MM-DD" or an ISO date-time (its calendar day in the workflow time zone).
 */
import { DateTime } from 'luxon';

import { dayNumber, type DayNumber } from './days';

export function referenceDay(value: unknown, timezone: string, now: () => number = Date.now): DayNumber {
	if (value === undefined || value === null || value === '') {
		return dayNumber(DateTime.fromMillis(now(), { zone: timezone }).toISODate()!);
	}
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return dayNumber(value.trim());
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value, { zone: timezone })
			: typeof value === 'string'
				? DateTime.fromISO(value.trim(), { zone: timezone })
				: DateTime.invalid('not a date');
	if (!parsed.isValid) {
		throw new RangeError(`"${String(value).slice(0, 40)}" is not a date; use YYYY-MM-DD or an ISO date-time`);
	}
	return dayNumber(parsed.setZone(timezone).toISODate()!);
}
