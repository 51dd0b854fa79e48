/**
 * The Dutch calendar for an "Extra Designated Days" setting that may differ per item. getDutchCalendar
 * holds the compiled calendars (bounded); this only skips re-parsing the list while items share it.
 */
import { getDutchCalendar, type DutchCalendar } from '../calendar';
import { inField } from './items';
import { rememberLast } from './parameters';

/** Make one per run; a bad list is an ItemError naming `field`. */
export function calendarPerItem(field: string): (extraDesignatedDays: string | undefined) => DutchCalendar {
	const calendarOf = rememberLast((extra: string) => inField(field, () => getDutchCalendar(extra ? { extraDesignatedDays: extra } : {})));
	return (extraDesignatedDays) => calendarOf(extraDesignatedDays?.trim() ?? '');
}
