/**
 * The "as of" day of every node that has a Reference Date: read like any parameter (once per run
 * unless it reads the item) and turned into a day once per distinct text, not once per item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { DayNumber } from '../calendar/days';
import { referenceDay } from '../calendar/referenceDate';
import { ItemError } from './items';
import { parameterPerItem, rememberLast } from './parameters';

/** The reference day of each item; a bad date is an ItemError naming the parameter. */
export function referenceDayPerItem(ctx: IExecuteFunctions, name = 'referenceDate'): (itemIndex: number) => DayNumber {
	const timezone = ctx.getTimezone();
	const textOf = parameterPerItem<unknown>(ctx, name, '');
	const dayOf = rememberLast((text: unknown) => {
		let day: DayNumber | string;
		try {
			day = referenceDay(text, timezone);
		} catch (error) {
			day = error instanceof Error ? error.message : String(error);
		}
		// Thrown outside the catch: the n8n linter allows only its own errors there.
		if (typeof day === 'string') throw new ItemError(day, name);
		return day;
	});
	return (itemIndex) => dayOf(textOf(itemIndex));
}
