/**
 * Reading the Payday Scheduler's inputs from an item: the channel, the persona and the start
 * moment. Each problem is an ItemError naming the field, so the error says which item, debtor and
 * field to fix.
 */
import type { IDataObject } from 'n8n-workflow';

import { CHANNELS, type Channel } from '../shared/debtor/model';
import { ItemError } from '../shared/n8n/items';
import { AMSTERDAM, parseMoment } from '../shared/calendar';

function isChannel(value: unknown): value is Channel {
	return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/**
 * The channel of an item: message.channel (Tone Template), else segmentation.channels[0] (Debtor
 * Segmenter), else preferredChannel. Undefined when none is set; an unknown value is an error.
 */
export function channelOfItem(json: IDataObject): Channel | undefined {
	// Checked one after the other without building a list: this runs for every item.
	const message = json.message as IDataObject | undefined;
	if (message && typeof message === 'object' && isSet(message.channel)) return channelOrError(message.channel, 'message.channel');
	const segmentation = json.segmentation as IDataObject | undefined;
	if (segmentation && typeof segmentation === 'object' && Array.isArray(segmentation.channels) && isSet(segmentation.channels[0])) {
		return channelOrError(segmentation.channels[0], 'segmentation.channels[0]');
	}
	if (isSet(json.preferredChannel)) return channelOrError(json.preferredChannel, 'preferredChannel');
	return undefined;
}

function isSet(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function channelOrError(value: unknown, field: string): Channel {
	if (isChannel(value)) return value;
	throw new ItemError(`must be one of ${CHANNELS.join(', ')}`, field);
}

/** The persona the Debtor Segmenter put under segmentation.persona, or null when the item has none. */
export function personaOfItem(json: IDataObject): string | null {
	const segmentation = json.segmentation;
	if (segmentation === undefined || segmentation === null) return null;
	if (typeof segmentation !== 'object' || Array.isArray(segmentation)) {
		throw new ItemError('must be the object the Debtor Segmenter adds', 'segmentation');
	}
	const persona = (segmentation as IDataObject).persona;
	if (persona === undefined || persona === null) return null;
	if (typeof persona !== 'string') throw new ItemError('must be a persona name such as temporary-shortfall', 'segmentation.persona');
	return persona;
}

/** The start moment of an item (epoch ms): `nowMs` when empty, else the parsed value (no offset: `timezone`). */
export function startMomentOf(raw: unknown, nowMs: number, timezone: string): number {
	if (raw === '' || raw === undefined || raw === null) return nowMs;
	// A bare date is midnight in Amsterdam, where the legal window is evaluated, whatever the workflow zone.
	const bareDate = typeof raw === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(raw);
	const ms = parseMoment(raw, bareDate ? AMSTERDAM : timezone);
	if (ms !== ms) {
		throw new ItemError('is not a date-time; use an ISO date-time such as 2026-07-06T09:00:00+02:00 or a date YYYY-MM-DD', 'startMoment');
	}
	return ms;
}
