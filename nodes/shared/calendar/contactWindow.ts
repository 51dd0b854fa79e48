import type { DutchCalendar } from './calendar';
import { amsterdamLocalToEpochMs, amsterdamOffsetMinutes } from './amsterdam';
import { MS_PER_DAY } from './days';

/**
 * The legal contact window for collection agencies, Besluit kwaliteit incassodienstverlening
 * art. 4.2 (since 1 April 2024): no contact by phone, electronically or in person between 20:00 and
 * 07:00, on Sundays, on the general holidays of the Algemene termijnenwet (here plus Good Friday)
 * and on days designated equal to them. Read as: allowed from 07:00:00 up to but not including
 * 20:00:00 Europe/Amsterdam time on Monday-Saturday contact days. 20:00:00 exactly is outside.
 */
export const CONTACT_WINDOW_START_MINUTE = 7 * 60;
/** End of the contact window (exclusive), in minutes after local midnight. */
export const CONTACT_WINDOW_END_MINUTE = 20 * 60;

const START_MS = CONTACT_WINDOW_START_MINUTE * 60000;
const END_MS = CONTACT_WINDOW_END_MINUTE * 60000;

/** True when `epochMs` falls inside the legal contact window in Amsterdam local time (allocation-free). */
export function isWithinLegalContactWindow(epochMs: number, calendar: DutchCalendar): boolean {
	const local = epochMs + amsterdamOffsetMinutes(epochMs) * 60000;
	const day = Math.floor(local / MS_PER_DAY);
	const msOfDay = local - day * MS_PER_DAY;
	return msOfDay >= START_MS && msOfDay < END_MS && calendar.isContactDay(day);
}

/** `epochMs` itself if it lies in the legal contact window, otherwise the next window opening (07:00 local). */
export function nextLegalContactMoment(epochMs: number, calendar: DutchCalendar): number {
	const local = epochMs + amsterdamOffsetMinutes(epochMs) * 60000;
	const day = Math.floor(local / MS_PER_DAY);
	const msOfDay = local - day * MS_PER_DAY;
	if (calendar.isContactDay(day)) {
		if (msOfDay < START_MS) return amsterdamLocalToEpochMs(day, CONTACT_WINDOW_START_MINUTE);
		if (msOfDay < END_MS) return epochMs;
	}
	// 07:00 never falls in a DST gap, so this is exactly 07:00 local.
	return amsterdamLocalToEpochMs(calendar.nextContactDay(day), CONTACT_WINDOW_START_MINUTE);
}
