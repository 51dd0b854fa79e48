/** Small helpers shared by the scheduling tests. */
import { getDutchCalendar, type DutchCalendar } from '../../../nodes/shared/calendar';
import type { Channel, Contact, DebtorRecord, Language } from '../../../nodes/shared/debtor/model';
import {
	createScheduler,
	nextContactMoment,
	type ContactSchedule,
	type NotSchedulable,
	type SchedulingSettings,
} from '../../../nodes/shared/scheduling';

/** Epoch ms of an ISO date-time with offset, read by the JavaScript engine (independent of our parser). */
export function ms(iso: string): number {
	const value = Date.parse(iso);
	if (Number.isNaN(value)) throw new Error(`bad test moment ${iso}`);
	return value;
}

export interface PlanOptions {
	channel?: Channel;
	persona?: string | null;
	settings?: Partial<SchedulingSettings>;
	record?: Partial<DebtorRecord>;
	contacts?: Contact[];
	now?: string;
	language?: Language;
	calendar?: DutchCalendar;
}

/** The next contact moment for a start moment; throws when the result is not scheduled. */
export function plan(start: string, options: PlanOptions = {}): ContactSchedule {
	const result = planAny(start, options);
	if (result.status !== 'scheduled') throw new Error(`not scheduled: ${result.reasonCode} ${result.reasons.join(' ')}`);
	return result;
}

/** Like `plan`, but returns a not-schedulable result as is. */
export function planAny(start: string, options: PlanOptions = {}): ContactSchedule | NotSchedulable {
	const scheduler = createScheduler({
		settings: options.settings,
		language: options.language ?? 'en',
		calendar: options.calendar ?? getDutchCalendar(),
	});
	const record: DebtorRecord = { debtorId: 'D-TEST', ...options.record, ...(options.contacts ? { contacts: options.contacts } : {}) };
	return nextContactMoment(
		record,
		{ startMs: ms(start), nowMs: ms(options.now ?? start), channel: options.channel ?? 'email', persona: options.persona ?? null },
		scheduler,
	);
}

/** An outbound contact. */
export function contact(at: string, channel: Contact['channel'] = 'email', direction: Contact['direction'] = 'outbound'): Contact {
	return { at, channel, direction };
}
