/**
 * The Dutch calendar for an "Extra Designated Days" setting that may differ per item. getDutchCalendar
 * holds the compiled calendars (bounded); this only skips re-parsing the list while items share it.
 */
import { getDutchCalendar, type DutchCalendar } from '../calendar';
import { ItemError } from './items';
import { rememberLast } from './parameters';

/** Make one per run; a bad list is an ItemError naming `field`. */
export function calendarPerItem(field: string): (extraDesignatedDays: string | undefined) => DutchCalendar {
	const calendarOf = rememberLast((extra: string) => {
		let calendar: DutchCalendar | string;
		try {
			calendar = getDutchCalendar(extra ? { extraDesignatedDays: extra } : {});
		} catch (error) {
			calendar = error instanceof Error ? error.message : String(error);
		}
		// Thrown outside the catch: the n8n linter allows only its own errors there.
		if (typeof calendar === 'string') throw new ItemError(calendar, field);
		return calendar;
	});
	return (extraDesignatedDays) => calendarOf(extraDesignatedDays?.trim() ?? '');
}
