/**
 * The "as of" day of every node that has a Reference Date: read like any parameter (once per run
 * unless it reads the item) and turned into a day once per distinct text, not once per item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { DayNumber } from '../calendar/days';
import { referenceDay } from '../calendar/referenceDate';
import { inField } from './items';
import { parameterPerItem, rememberLast } from './parameters';

/** The reference day of each item; a bad date is an ItemError naming the parameter. */
export function referenceDayPerItem(ctx: IExecuteFunctions, name = 'referenceDate'): (itemIndex: number) => DayNumber {
	const timezone = ctx.getTimezone();
	const textOf = parameterPerItem<unknown>(ctx, name, '');
	const dayOf = rememberLast((text: unknown) => inField(name, () => referenceDay(text, timezone)));
	return (itemIndex) => dayOf(textOf(itemIndex));
}
