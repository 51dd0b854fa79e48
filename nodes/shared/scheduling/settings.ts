/**
 * The Payday Scheduler's settings: what a creditor may narrow (never widen) in the legal contact
 * window, payday alignment, contact pressure, direct debits and the 14-day letter. One home for the
 * defaults; the node's parameter defaults are checked against these in a test.
 */
import { CHANNELS, type Channel } from '../debtor/model';
import {
	CONTACT_WINDOW_END_MINUTE,
	CONTACT_WINDOW_START_MINUTE,
	resolveIncomeCalendarOptions,
	type IncomeCalendarOptions,
} from '../calendar';

/** Creditor hours that narrow the window: on the listed weekdays, for the listed channels, from..until. */
export interface HoursRule {
	/** Channels the rule applies to; empty or missing = every channel except letters. */
	channels?: readonly Channel[];
	/** ISO weekdays (1 = Monday .. 6 = Saturday); empty or missing = Monday to Saturday. */
	days?: readonly number[];
	/** Earliest time, "HH:MM" or minutes after midnight. Earlier than 07:00 is treated as 07:00. */
	from: string | number;
	/** Time contact must have ended, "HH:MM" or minutes (exclusive). Later than 20:00 is treated as 20:00. */
	until: string | number;
}

/** Wording of the term in the 14-day letter (both accepted since Hoge Raad 2016). */
export type LetterWording = 'fourteen-days-from-day-after' | 'fifteen-days-after';

export interface SchedulingSettings {
	/** Contact on Saturdays at all (letters too). Default true (the law allows Saturdays). */
	saturdays: boolean;
	/** Creditor hours, each rule narrowing the window further. Default none: the legal 07:00-20:00. */
	hours: readonly HoursRule[];
	/** Personas whose contact waits until just after payday. Default temporary and structural shortfall. */
	paydayPersonas: readonly string[];
	/** Contact from this many working days after the expected income. Default 1. */
	paydayMinWorkingDays: number;
	/** ... up to and including this many working days after it. Default 3. */
	paydayMaxWorkingDays: number;
	/** At most this many contacts in any 7 x 24 hours (the new one included). Default 3. */
	maxContactsPer7Days: number;
	/** At least this many hours between two contacts on any channel. Default 24. */
	minHoursBetweenContacts: number;
	/** At least this many hours between two contacts on the same channel. Default 48. */
	minHoursSameChannel: number;
	/** Count contacts the debtor started (inbound) towards the caps. Default false. */
	countInboundContacts: boolean;
	/** Spread moments by up to this many minutes, the same for a debtor every run. Default 0 (off). */
	jitterMinutes: number;
	/** Personas that are never scheduled (they go to "Not Schedulable"). Default deceased. */
	stopPersonas: readonly string[];
	/** How far ahead to look for a moment before giving up, in days. Default 366. */
	horizonDays: number;
	/** Income calendar options (payday days per income type). */
	income: IncomeCalendarOptions;
	/** Pre-notification period of a direct debit in calendar days. Default 14; shorter only when agreed with the debtor. */
	preNotificationDays: number;
	/** Collect this many bank business days after the expected income. Default 1. */
	collectionOffsetDays: number;
	/** Use the collection day the debtor chose (flex-incasso) when the record has one. Default true. */
	usePreferredCollectionDay: boolean;
	/** Wording of the 14-day letter term. Default "binnen veertien dagen vanaf de dag nadat ...". */
	letterWording: LetterWording;
	/** Move a last day to pay on a Saturday, Sunday or holiday to the next working day. Default true. */
	extendLetterTerm: boolean;
}

export const DEFAULT_SCHEDULING_SETTINGS: Readonly<SchedulingSettings> = Object.freeze<SchedulingSettings>({
	saturdays: true,
	hours: [],
	paydayPersonas: ['temporary-shortfall', 'structural-shortfall'],
	paydayMinWorkingDays: 1,
	paydayMaxWorkingDays: 3,
	maxContactsPer7Days: 3,
	minHoursBetweenContacts: 24,
	minHoursSameChannel: 48,
	countInboundContacts: false,
	jitterMinutes: 0,
	stopPersonas: ['deceased'],
	horizonDays: 366,
	income: {},
	preNotificationDays: 14,
	collectionOffsetDays: 1,
	usePreferredCollectionDay: true,
	letterWording: 'fourteen-days-from-day-after',
	extendLetterTerm: true,
});

/** A setting that cannot be used, naming it. */
export class SettingError extends RangeError {
	readonly setting: string;

	constructor(setting: string, message: string) {
		super(`Setting "${setting}" ${message}`);
		this.name = 'SettingError';
		this.setting = setting;
	}
}

/** Minutes after midnight of "HH:MM" (or a number of minutes); NaN when it is neither. "24:00" is allowed as the end of day. */
export function parseClock(value: string | number): number {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value <= 1440 ? value : Number.NaN;
	const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(String(value));
	if (!match) return Number.NaN;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return Number.NaN;
	return hours * 60 + minutes;
}

/** Channel order in the compiled tables. */
export const CHANNEL_INDEX: Readonly<Record<Channel, number>> = Object.freeze({ email: 0, sms: 1, whatsapp: 2, letter: 3, phone: 4 });
const LETTER = CHANNEL_INDEX.letter;

/** Settings checked and turned into lookup tables once per run. */
export interface CompiledSettings {
	readonly settings: Readonly<SchedulingSettings>;
	/** Window start and end (minutes, end exclusive) per channel index * 8 + ISO weekday; start >= end = closed. */
	readonly windowStart: Int16Array;
	readonly windowEnd: Int16Array;
	/** Whether the creditor narrowed the window of a channel on a weekday (for the reasons). */
	readonly narrowed: Uint8Array;
	/** Per channel index: is any weekday open at all? */
	readonly channelOpen: Uint8Array;
	readonly paydayPersonas: ReadonlySet<string>;
	readonly stopPersonas: ReadonlySet<string>;
}

function wholeNumber(setting: string, value: number, min: number, max: number): void {
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new SettingError(setting, `must be a whole number from ${min} to ${max}, not ${String(value)}`);
	}
}

function nonNegative(setting: string, value: number, max: number): void {
	if (!Number.isFinite(value) || value < 0 || value > max) {
		throw new SettingError(setting, `must be a number from 0 to ${max}, not ${String(value)}`);
	}
}

/** Fills in defaults, checks every setting (SettingError names the bad one) and compiles the windows. */
export function compileSettings(partial: Partial<SchedulingSettings> = {}): CompiledSettings {
	const settings: SchedulingSettings = { ...DEFAULT_SCHEDULING_SETTINGS };
	for (const [key, value] of Object.entries(partial)) {
		if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
	}
	wholeNumber('paydayMinWorkingDays', settings.paydayMinWorkingDays, 0, 10);
	wholeNumber('paydayMaxWorkingDays', settings.paydayMaxWorkingDays, 0, 10);
	if (settings.paydayMaxWorkingDays < settings.paydayMinWorkingDays) {
		throw new SettingError('paydayMaxWorkingDays', `must not be less than paydayMinWorkingDays (${settings.paydayMinWorkingDays})`);
	}
	wholeNumber('maxContactsPer7Days', settings.maxContactsPer7Days, 1, 100);
	nonNegative('minHoursBetweenContacts', settings.minHoursBetweenContacts, 168);
	nonNegative('minHoursSameChannel', settings.minHoursSameChannel, 168);
	wholeNumber('jitterMinutes', settings.jitterMinutes, 0, 120);
	wholeNumber('horizonDays', settings.horizonDays, 7, 3660);
	wholeNumber('preNotificationDays', settings.preNotificationDays, 0, 60);
	wholeNumber('collectionOffsetDays', settings.collectionOffsetDays, 0, 10);
	if (settings.letterWording !== 'fourteen-days-from-day-after' && settings.letterWording !== 'fifteen-days-after') {
		throw new SettingError('letterWording', `must be "fourteen-days-from-day-after" or "fifteen-days-after"`);
	}
	let incomeProblem: string | undefined;
	try {
		resolveIncomeCalendarOptions(settings.income);
	} catch (error) {
		incomeProblem = (error as Error).message;
	}
	if (incomeProblem !== undefined) throw new SettingError('income', incomeProblem);

	const windowStart = new Int16Array(CHANNELS.length * 8);
	const windowEnd = new Int16Array(CHANNELS.length * 8);
	const narrowed = new Uint8Array(CHANNELS.length * 8);
	for (let c = 0; c < CHANNELS.length; c++) {
		for (let wd = 1; wd <= 7; wd++) {
			const open = wd <= 5 || (wd === 6 && settings.saturdays);
			// Letters: no hour window, any time on a post day (Monday-Saturday, no holidays).
			windowStart[c * 8 + wd] = open ? (c === LETTER ? 0 : CONTACT_WINDOW_START_MINUTE) : 0;
			windowEnd[c * 8 + wd] = open ? (c === LETTER ? 1440 : CONTACT_WINDOW_END_MINUTE) : 0;
		}
	}
	settings.hours.forEach((rule, index) => {
		const where = `hours[${index}]`;
		const from = parseClock(rule.from);
		const until = parseClock(rule.until);
		if (Number.isNaN(from)) throw new SettingError(`${where}.from`, 'must be a time such as 08:30');
		if (Number.isNaN(until)) throw new SettingError(`${where}.until`, 'must be a time such as 18:00');
		const channels = rule.channels && rule.channels.length > 0 ? rule.channels : CHANNELS.filter((channel) => channel !== 'letter');
		const days = rule.days && rule.days.length > 0 ? rule.days : [1, 2, 3, 4, 5, 6];
		for (const channel of channels) {
			const c = CHANNEL_INDEX[channel];
			if (c === undefined) throw new SettingError(`${where}.channels`, `has an unknown channel ${JSON.stringify(channel)}`);
			for (const wd of days) {
				if (!Number.isInteger(wd) || wd < 1 || wd > 7) throw new SettingError(`${where}.days`, `has ${String(wd)}, not a weekday 1-7`);
				const i = c * 8 + wd;
				// Rules only narrow: the later start and the earlier end win.
				if (from > windowStart[i]) {
					windowStart[i] = from;
					narrowed[i] = 1;
				}
				if (until < windowEnd[i]) {
					windowEnd[i] = until;
					narrowed[i] = 1;
				}
			}
		}
	});
	const channelOpen = new Uint8Array(CHANNELS.length);
	for (let c = 0; c < CHANNELS.length; c++) {
		for (let wd = 1; wd <= 7; wd++) if (windowStart[c * 8 + wd] < windowEnd[c * 8 + wd]) channelOpen[c] = 1;
	}
	return {
		settings: Object.freeze(settings),
		windowStart,
		windowEnd,
		narrowed,
		channelOpen,
		paydayPersonas: new Set(settings.paydayPersonas),
		stopPersonas: new Set(settings.stopPersonas),
	};
}
