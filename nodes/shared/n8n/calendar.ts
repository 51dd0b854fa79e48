/**
 * The Dutch calendar for the "Extra Designated Days" and "Assume Usual Designated Days" settings,
 * which may differ per item. getDutchCalendar holds the compiled calendars (bounded); this only skips
 * re-parsing the list while items share both settings.
 */
import { getDutchCalendar, type DutchCalendar } from '../calendar';
import { inField } from './items';
import { rememberLast } from './parameters';

/**
 * The careful default is on unless the setting is `false` (absent, as in workflows saved before it
 * existed, means on).
 */
export function assumesUsualDesignatedDays(value: unknown): boolean {
	return value !== false;
}

/** Make one per run; a bad list is an ItemError naming `field` (the Extra Designated Days setting). */
export function calendarPerItem(field: string): (extraDesignatedDays: string | undefined, assumeUsualDesignatedDays?: unknown) => DutchCalendar {
	// Keyed by one string: the careful default on or off, then the list as typed.
	const calendarOf = rememberLast((key: string) =>
		inField(field, () => {
			const extra = key.slice(1);
			return getDutchCalendar({ ...(extra ? { extraDesignatedDays: extra } : {}), assumeUsualDesignatedDays: key[0] === '1' });
		}),
	);
	return (extraDesignatedDays, assumeUsualDesignatedDays) =>
		calendarOf(`${assumesUsualDesignatedDays(assumeUsualDesignatedDays) ? '1' : '0'}${extraDesignatedDays?.trim() ?? ''}`);
}
