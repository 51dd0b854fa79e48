/**
 * The next contact moment: the earliest moment at or after a start moment (moves land on whole
 * minutes; an allowed start is kept as given) that is
 *  - inside the legal contact window (Bki art. 4.2: Monday-Saturday 07:00-20:00 Europe/Amsterdam,
 *    no Sundays, general holidays or designated days), narrowed by the creditor's hours per weekday
 *    and channel and "no Saturdays"; letters have no hour window but go on post days only;
 *  - for the payday personas: 1-3 (configurable) working days after the expected income;
 *  - within the contact pressure caps of the contact history: at most N contacts in any 7 x 24
 *    hours, at least H hours between contacts, at least 48 hours between contacts on one channel.
 * Optionally spread by a deterministic per-debtor jitter that never leaves the allowed moments.
 *
 * Hot path: day numbers, minute arithmetic and the compiled calendar tables; no luxon, no Date.
 */
import type { Channel, Contact, DebtorRecord, Income, Language } from '../debtor/model';
import type { DebtorField } from '../debtor/validate';
import {
	MS_PER_DAY,
	MS_PER_HOUR,
	MS_PER_MINUTE,
	amsterdamLocalToEpochMs,
	amsterdamOffsetMinutes,
	getDutchCalendar,
	isoDate,
	nextIncomeDay,
	weekday,
	type DayNumber,
	type DutchCalendar,
	parseMoment,
	type ExpectedIncome,
} from '../calendar';
import { ceilMinute, describeMoment, localDayOf, momentTexts } from './moments';
import {
	channelName,
	reasonCodes,
	wordEvent,
	wordIncomeWindow,
	type IncomeWindow,
	type ScheduleEvent,
	type WindowCause,
	type WordingContext,
} from './reasons';
import { CHANNEL_INDEX, compileSettings, type CompiledSettings, type SchedulingSettings } from './settings';
import { flatString, sharedText } from '../text';

const WEEK_MS = 7 * MS_PER_DAY;
const LETTER = CHANNEL_INDEX.letter;

/** Everything the scheduler needs besides the debtor: compiled settings, calendar, language. */
export interface Scheduler {
	readonly compiled: CompiledSettings;
	readonly calendar: DutchCalendar;
	readonly language: Language;
	readonly wording: WordingContext;
}

/** Options of `createScheduler`. */
export interface SchedulerOptions {
	settings?: Partial<SchedulingSettings>;
	/** Compiled Dutch calendar (with the designated days to use). Default: the built-in list. */
	calendar?: DutchCalendar;
	language?: Language;
}

/** Checks the settings once and returns the scheduler for a run (throws a SettingError naming a bad setting). */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
	const compiled = compileSettings(options.settings);
	const calendar = options.calendar ?? getDutchCalendar();
	const language: Language = options.language === 'en' ? 'en' : 'nl';
	const s = compiled.settings;
	return {
		compiled,
		calendar,
		language,
		wording: {
			calendar,
			saturdays: s.saturdays,
			language,
			windowOf: (channel, wd) => ({
				start: compiled.windowStart[CHANNEL_INDEX[channel] * 8 + wd],
				end: compiled.windowEnd[CHANNEL_INDEX[channel] * 8 + wd],
			}),
			minHoursBetweenContacts: s.minHoursBetweenContacts,
			minHoursSameChannel: s.minHoursSameChannel,
			maxContactsPer7Days: s.maxContactsPer7Days,
			paydayMinWorkingDays: s.paydayMinWorkingDays,
			paydayMaxWorkingDays: s.paydayMaxWorkingDays,
		},
	};
}

/** A contact in the history as the caps see it. */
export interface PastContact {
	atMs: number;
	channel: string;
}

/**
 * Forbidden stretches from the contact history, as open intervals (from, to): a moment strictly
 * inside one breaks a cap. Flat array of [from, to, kind, contactAt] quadruples; kind 0 = weekly
 * cap, 1 = minimum gap, 2 = same-channel gap.
 */
function pressureIntervals(contacts: readonly PastContact[], channel: Channel, startMs: number, s: Readonly<SchedulingSettings>): number[] {
	const out: number[] = [];
	if (contacts.length === 0) return out;
	const gap = s.minHoursBetweenContacts * MS_PER_HOUR;
	const sameChannel = s.minHoursSameChannel * MS_PER_HOUR;
	const times: number[] = [];
	for (const contact of contacts) {
		const at = contact.atMs;
		times.push(at);
		if (gap > 0 && at + gap > startMs) out.push(at - gap, at + gap, 1, at);
		if (sameChannel > 0 && contact.channel === channel && at + sameChannel > startMs) out.push(at - sameChannel, at + sameChannel, 2, at);
	}
	// Every 7-day window [w, w + 7d) holding the moment may hold at most N - 1 earlier contacts. With
	// the times sorted, N consecutive contacts c_i..c_j less than 7 days apart forbid (c_j - 7d, c_i + 7d).
	const n = s.maxContactsPer7Days;
	if (times.length >= n) {
		times.sort((a, b) => a - b);
		for (let i = 0; i + n - 1 < times.length; i++) {
			const first = times[i];
			const last = times[i + n - 1];
			if (last - first < WEEK_MS && first + WEEK_MS > startMs) out.push(last - WEEK_MS, first + WEEK_MS, 0, first);
		}
	}
	return out;
}

/** Input of the search. */
export interface SearchInput {
	startMs: number;
	channel: Channel;
	/** Align with payday: contact only 1-3 working days after an expected income. */
	alignWithPayday: boolean;
	income?: Income;
	/** From `pressureIntervals`. */
	pressure: readonly number[];
}

/** Outcome of the search: the moment (NaN when none within the horizon), the steps taken, the income window used. */
export interface SearchResult {
	epochMs: number;
	events: ScheduleEvent[];
	incomeWindow?: IncomeWindow;
	/** Why no moment was found, when epochMs is NaN. */
	failure?: 'channel-closed' | 'horizon';
}

// Why the moment `t` (Amsterdam local day and minute) is outside the window of channel c, or
// undefined when it is inside.
function windowCause(compiled: CompiledSettings, calendar: DutchCalendar, c: number, day: DayNumber, minute: number): WindowCause | undefined {
	const wd = weekday(day);
	const i = c * 8 + wd;
	const start = compiled.windowStart[i];
	const end = compiled.windowEnd[i];
	if (!calendar.isContactDay(day)) {
		if (wd === 7) return 'sunday';
		return calendar.isDutchHoliday(day) ? 'holiday' : 'designated-day';
	}
	if (start >= end) return wd === 6 && !compiled.settings.saturdays ? 'saturday-off' : 'creditor-closed';
	if (minute < start) return compiled.narrowed[i] ? 'creditor-before-opening' : 'before-opening';
	if (minute >= end) return compiled.narrowed[i] ? 'creditor-after-closing' : 'after-closing';
	return undefined;
}

/** The earliest moment >= t inside the channel's window (NaN after `limit`). */
function windowStep(t: number, c: number, compiled: CompiledSettings, calendar: DutchCalendar, limit: number): number {
	const local = t + amsterdamOffsetMinutes(t) * MS_PER_MINUTE;
	let day = Math.floor(local / MS_PER_DAY);
	let minute = (local - day * MS_PER_DAY) / MS_PER_MINUTE;
	for (;;) {
		if (calendar.isContactDay(day)) {
			const i = c * 8 + weekday(day);
			const start = compiled.windowStart[i];
			const end = compiled.windowEnd[i];
			if (minute < end && start < end) {
				if (minute >= start) return t;
				// Window openings never fall in a DST gap: clocks change on Sundays at 02:00-03:00.
				const at = amsterdamLocalToEpochMs(day, start);
				return at > limit ? Number.NaN : at;
			}
		}
		day++;
		minute = -1;
		if (day * MS_PER_DAY - 2 * MS_PER_HOUR > limit) return Number.NaN;
	}
}

/**
 * The earliest allowed contact moment at or after `input.startMs`, with the steps that led there. Each step moves to the earliest moment satisfying one rule; the
 * loop ends when all rules hold at once, so no allowed moment is ever skipped.
 */
function earliestContactMoment(input: SearchInput, scheduler: Scheduler, collectEvents = true): SearchResult {
	const { compiled, calendar } = scheduler;
	const s = compiled.settings;
	const c = CHANNEL_INDEX[input.channel];
	const events: ScheduleEvent[] = [];
	if (!compiled.channelOpen[c]) return { epochMs: Number.NaN, events, failure: 'channel-closed' };
	// An allowed start is kept as given; every move lands on a whole minute.
	let t = input.startMs;
	const limit = t + s.horizonDays * MS_PER_DAY;
	const pressure = input.pressure;

	// Payday window state: the income whose window ends after t.
	let income: ExpectedIncome | undefined;
	let rangeFrom = 0;
	let rangeTo = 0;
	let fromDay = 0;
	let toDay = 0;
	const setIncome = (next: ExpectedIncome) => {
		income = next;
		fromDay = calendar.addWorkingDays(next.day, s.paydayMinWorkingDays);
		toDay = calendar.addWorkingDays(next.day, s.paydayMaxWorkingDays);
		rangeFrom = amsterdamLocalToEpochMs(fromDay, 0);
		rangeTo = amsterdamLocalToEpochMs(toDay + 1, 0);
	};
	if (input.alignWithPayday) setIncome(nextIncomeDay(input.income, localDayOf(t) - 40, calendar, s.income));

	for (let guard = 0; guard < 100000; guard++) {
		if (t > limit) return { epochMs: Number.NaN, events, failure: 'horizon' };
		// 1. The contact window of the channel.
		const inWindow = windowStep(t, c, compiled, calendar, limit);
		if (inWindow !== t) {
			if (inWindow !== inWindow) return { epochMs: Number.NaN, events, failure: 'horizon' };
			if (collectEvents) {
				const local = t + amsterdamOffsetMinutes(t) * MS_PER_MINUTE;
				const day = Math.floor(local / MS_PER_DAY);
				const cause = windowCause(compiled, calendar, c, day, (local - day * MS_PER_DAY) / MS_PER_MINUTE) ?? 'after-closing';
				events.push({ kind: 'window', from: t, to: inWindow, cause, letter: c === LETTER, channel: input.channel });
			}
			t = inWindow;
		}
		// 2. Payday alignment: inside [first aligned day 00:00, day after the last aligned day 00:00).
		if (income !== undefined) {
			while (rangeTo <= t) setIncome(nextIncomeDay(input.income, income.day + 1, calendar, s.income));
			if (t < rangeFrom) {
				if (collectEvents) events.push({ kind: 'payday', from: t, to: rangeFrom, window: { income, fromDay, toDay } });
				t = rangeFrom;
				continue;
			}
		}
		// 3. Contact pressure: leave every forbidden open interval that holds t.
		let movedTo = t;
		let kind = -1;
		let contactAt = 0;
		for (let k = 0; k < pressure.length; k += 4) {
			if (pressure[k] < movedTo && movedTo < pressure[k + 1]) {
				movedTo = ceilMinute(pressure[k + 1]);
				kind = pressure[k + 2];
				contactAt = pressure[k + 3];
			}
		}
		if (movedTo !== t) {
			if (collectEvents) {
				events.push(
					kind === 0
						? { kind: 'weekly-cap', from: t, to: movedTo }
						: { kind: kind === 1 ? 'min-gap' : 'channel-gap', from: t, to: movedTo, contactAt },
				);
			}
			t = movedTo;
			continue;
		}
		return { epochMs: t, events, incomeWindow: income ? { income, fromDay, toDay } : undefined };
	}
	return { epochMs: Number.NaN, events, failure: 'horizon' };
}

/**
 * Folds "then to the window opening of that same day" into the step before it, so a payday or cap
 * move to 00:00 followed by "no contact before 07:00" reads as one move to 07:00.
 */
function mergeEvents(events: readonly ScheduleEvent[]): ScheduleEvent[] {
	const merged: ScheduleEvent[] = [];
	for (const event of events) {
		const previous = merged[merged.length - 1];
		if (
			previous !== undefined &&
			previous.kind !== 'window' &&
			event.kind === 'window' &&
			event.from === previous.to &&
			(event.cause === 'before-opening' || event.cause === 'creditor-before-opening' || event.letter) &&
			localDayOf(event.from) === localDayOf(event.to)
		) {
			merged[merged.length - 1] = { ...previous, to: event.to };
			continue;
		}
		merged.push(event);
	}
	return merged;
}

/** True when `t` satisfies every rule of the search (window, payday window, caps). */
function allowedAt(t: number, input: SearchInput, scheduler: Scheduler, incomeWindow: IncomeWindow | undefined): boolean {
	const { compiled, calendar } = scheduler;
	if (windowStep(t, CHANNEL_INDEX[input.channel], compiled, calendar, t + MS_PER_DAY) !== t) return false;
	if (incomeWindow) {
		if (t < amsterdamLocalToEpochMs(incomeWindow.fromDay, 0) || t >= amsterdamLocalToEpochMs(incomeWindow.toDay + 1, 0)) return false;
	}
	const p = input.pressure;
	for (let k = 0; k < p.length; k += 4) if (p[k] < t && t < p[k + 1]) return false;
	return true;
}

/** Deterministic 0..max minutes for a debtor (FNV-1a of the id), the same every run. */
export function jitterFor(debtorId: string | undefined, max: number): number {
	if (!debtorId || max <= 0) return 0;
	let hash = 0x811c9dc5;
	for (let i = 0; i < debtorId.length; i++) {
		hash ^= debtorId.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) % (max + 1);
}

/** Request for one debtor. */
export interface ContactRequest {
	/** Earliest moment to consider (epoch ms), e.g. now. */
	startMs: number;
	/** The run's "now" (epoch ms) for dueNow, dueToday and waitSeconds. */
	nowMs: number;
	/** Channel of the contact; undefined = none known (not schedulable). */
	channel: Channel | undefined;
	/** Persona from the Debtor Segmenter (segmentation.persona), if any. */
	persona?: string | null;
}

/** Expected income as shown in the output. */
export interface IncomeSummary {
	date: string;
	type: string;
	source: string;
	assumed: boolean;
}

/** A scheduled contact. */
export interface ContactSchedule {
	operation: 'nextContactMoment';
	status: 'scheduled';
	channel: Channel;
	persona: string | null;
	/** ISO 8601 with the Amsterdam offset, e.g. 2026-04-07T07:00:00+02:00. */
	moment: string;
	/** Amsterdam local date and time of the moment. */
	date: string;
	time: string;
	/** The moment has come (moment <= now). */
	dueNow: boolean;
	/** The moment falls today or earlier (Amsterdam date): send in today's run. */
	dueToday: boolean;
	/** Seconds from now until the moment (0 when due). */
	waitSeconds: number;
	paydayAligned: boolean;
	expectedIncome: IncomeSummary | null;
	jitterMinutes: number;
	reasonCodes: string[];
	reasons: string[];
}

/** An item that cannot be scheduled, with why and what to do instead. */
export interface NotSchedulable {
	operation: 'nextContactMoment' | 'directDebitCollectionDate' | 'fourteenDayLetterTerm';
	status: 'not-schedulable';
	/** Machine reason: deceased, stop-persona, no-channel, channel-closed, no-moment, no-mandate, account-closed, ... */
	reasonCode: string;
	/** What the collector should do: stop-all, pause, ask-debtor, new-mandate, check-data, review. */
	action: string;
	signals: string[];
	reasons: string[];
}

/** Summary of an expected income for the output. */
export function summariseIncome(income: ExpectedIncome): IncomeSummary {
	return { date: isoDate(income.day), type: income.type, source: income.source, assumed: income.assumed };
}

/**
 * The outbound (and, if set, inbound) contacts of a record with parsed times; bad times are skipped
 * (validation reports them). With `notBeforeMs`, contacts more than a day and a half before it are
 * skipped without parsing: an ISO date string compares like its date, and no cap reaches further
 * back than 7 x 24 hours, so callers pass the start minus 7 days.
 */
function pastContacts(contacts: readonly Contact[] | undefined, countInbound: boolean, notBeforeMs?: number): PastContact[] {
	const list: PastContact[] = [];
	if (!contacts || contacts.length === 0) return list;
	// Offsets are at most 18 hours, so a date two days before the cutoff's UTC date is safely older.
	const cutoff = notBeforeMs === undefined ? '' : isoDate(Math.floor(notBeforeMs / MS_PER_DAY) - 2);
	for (const contact of contacts) {
		if (!countInbound && contact.direction === 'inbound') continue;
		if (typeof contact.at === 'string' && contact.at < cutoff) continue;
		const atMs = parseMoment(contact.at);
		if (atMs === atMs) list.push({ atMs, channel: contact.channel });
	}
	return list;
}

/** True when the record says the debtor died: the flag, or a reversal with reason MD07. */
export function isDeceased(record: DebtorRecord): boolean {
	if (record.flags?.deceased) return true;
	const reversals = record.reversals;
	if (reversals) for (const reversal of reversals) if (reversal.reasonCode === 'MD07') return true;
	return false;
}

/** Text of a not-schedulable result in the scheduler's language. */
export function notSchedulable(
	operation: NotSchedulable['operation'],
	reasonCode: string,
	action: string,
	reason: { nl: string; en: string },
	language: Language,
	signals: string[] = [],
): NotSchedulable {
	return { operation, status: 'not-schedulable', reasonCode, action, signals, reasons: [reason[language]] };
}

const DECEASED = {
	nl: 'De schuldenaar is overleden: alle incassostappen stoppen (nabestaandenroute).',
	en: 'The debtor has died: every collection step stops (bereavement flow).',
};

/** The fields of the debtor record nextContactMoment reads (a test holds it to that); the node validates these. */
export const NEXT_CONTACT_FIELDS: readonly DebtorField[] = ['debtorId', 'flags', 'reversals', 'income', 'contacts'];

// The last in-window sentence, used by inWindowReason only. Invariant: the text depends on nothing
// but the moment and the language (the key).
let lastInWindow: { epochMs: number; language: Language; text: string } | undefined;

/** "The start moment ... lies inside the contact window", shared with the previous debtor with the same start. */
function inWindowReason(epochMs: number, language: Language): string {
	if (lastInWindow === undefined || lastInWindow.epochMs !== epochMs || lastInWindow.language !== language) {
		const text =
			language === 'nl'
				? `Het startmoment ${describeMoment(epochMs, 'nl')} valt binnen het contactvenster.`
				: `The start moment ${describeMoment(epochMs, 'en')} lies inside the contact window.`;
		lastInWindow = { epochMs, language, text: flatString(text) };
	}
	return lastInWindow.text;
}

/** The next contact moment for one debtor (see the module comment), or why there is none. */
export function nextContactMoment(record: DebtorRecord, request: ContactRequest, scheduler: Scheduler): ContactSchedule | NotSchedulable {
	const { compiled, language } = scheduler;
	const s = compiled.settings;
	const op = 'nextContactMoment';
	const persona = request.persona ?? null;
	if (isDeceased(record) || persona === 'deceased') return notSchedulable(op, 'deceased', 'stop-all', DECEASED, language);
	if (persona !== null && compiled.stopPersonas.has(persona)) {
		return notSchedulable(op, 'stop-persona', 'review', {
			nl: `Persona "${persona}" staat op de lijst zonder contact: niet ingepland.`,
			en: `Persona "${persona}" is on the no-contact list: not scheduled.`,
		}, language);
	}
	if (request.channel === undefined) {
		return notSchedulable(op, 'no-channel', 'review', {
			nl: 'Geen kanaal bekend (message.channel, segmentation.channels en preferredChannel ontbreken): geen contact mogelijk.',
			en: 'No channel known (message.channel, segmentation.channels and preferredChannel are missing): no contact possible.',
		}, language);
	}
	const align = persona !== null && compiled.paydayPersonas.has(persona);
	const input: SearchInput = {
		startMs: request.startMs,
		channel: request.channel,
		alignWithPayday: align,
		income: record.income,
		pressure: pressureIntervals(pastContacts(record.contacts, s.countInboundContacts, request.startMs - WEEK_MS), request.channel, request.startMs, s),
	};
	const found = earliestContactMoment(input, scheduler);
	if (found.epochMs !== found.epochMs) {
		return found.failure === 'channel-closed'
			? notSchedulable(op, 'channel-closed', 'review', {
					nl: `Met deze instellingen is er op geen enkele dag een moment voor een ${channelName(request.channel, 'nl')}.`,
					en: `With these settings no day has a moment for a ${channelName(request.channel, 'en')}.`,
				}, language)
			: notSchedulable(op, 'no-moment', 'review', {
					nl: `Binnen ${s.horizonDays} dagen is er geen toegestaan moment.`,
					en: `No allowed moment within ${s.horizonDays} days.`,
				}, language);
	}
	let t = found.epochMs;
	const reasons: string[] = [];
	const events = mergeEvents(found.events);
	const codes = reasonCodes(events);
	for (const event of events) reasons.push(wordEvent(event, scheduler.wording));
	const finalWindow = found.incomeWindow;
	if (finalWindow && !found.events.some((event) => event.kind === 'payday' && event.window.income.day === finalWindow.income.day)) {
		reasons.push(wordIncomeWindow(finalWindow, scheduler.wording));
		if (!codes.includes('payday')) codes.push('payday');
	}
	let jitter = 0;
	if (s.jitterMinutes > 0) {
		const j = jitterFor(record.debtorId, s.jitterMinutes);
		// Re-check after jitter: it may never push the moment out of what is allowed.
		if (j > 0 && allowedAt(t + j * MS_PER_MINUTE, input, scheduler, found.incomeWindow)) {
			jitter = j;
			t += j * MS_PER_MINUTE;
			codes.push('jitter');
			reasons.push(
				language === 'nl'
					? `${j} minuten later gezet (voor deze schuldenaar altijd hetzelfde), zodat niet alles tegelijk vertrekt.`
					: `Spread by ${j} minutes (the same for this debtor every run), so not everything goes out at once.`,
			);
		}
	}
	if (found.events.length === 0) {
		codes.unshift('in-window');
		reasons.unshift(inWindowReason(t, language));
	}
	for (let k = 0; k < reasons.length; k++) reasons[k] = sharedText(reasons[k]);
	const texts = momentTexts(t);
	const nowDay = localDayOf(request.nowMs);
	return {
		operation: op,
		status: 'scheduled',
		channel: request.channel,
		persona,
		moment: texts.iso,
		date: texts.date,
		time: texts.time,
		dueNow: t <= request.nowMs,
		dueToday: texts.day <= nowDay,
		waitSeconds: t > request.nowMs ? Math.ceil((t - request.nowMs) / 1000) : 0,
		paydayAligned: align,
		expectedIncome: found.incomeWindow ? summariseIncome(found.incomeWindow.income) : null,
		jitterMinutes: jitter,
		reasonCodes: codes,
		reasons,
	};
}

