/**
 * Property test: for thousands of generated debtors, start moments, channels, personas and settings,
 * the scheduled contact is (1) inside the legal window and (2) the EARLIEST allowed moment, checked
 * against a slow minute-by-minute reference search written here from the rules, independently of the
 * scheduler: its own holiday and TARGET2 tables (typed in from the law and the ECB calendar), local
 * time from Intl (the ICU time-zone database), its own income-day and working-day rules.
 */
import { getDutchCalendar } from '../../../nodes/shared/calendar';
import type { Channel, Contact, DebtorRecord, Income } from '../../../nodes/shared/debtor/model';
import {
	createScheduler,
	jitterFor,
	nextContactMoment,
	type HoursRule,
	type SchedulingSettings,
} from '../../../nodes/shared/scheduling';
import { generatePortfolio } from '../../fixtures/portfolio';

jest.setTimeout(180_000);

// ---------------------------------------------------------------- reference tables (typed by hand)

/** Days without contact besides Sundays: general holidays, Good Friday, designated days (Dec 2025 - 2028). */
const REST_DAYS = new Set([
	'2025-12-25', '2025-12-26',
	'2026-01-01', '2026-01-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14',
	'2026-05-15', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
	'2027-01-01', '2027-03-26', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-07',
	'2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26',
	'2028-01-01', '2028-04-14', '2028-04-16', '2028-04-17', '2028-04-27', '2028-04-28', '2028-05-05',
]);

/** TARGET2 closing days besides weekends (Dec 2025 - 2028). */
const BANK_CLOSED = new Set([
	'2025-12-25', '2025-12-26',
	'2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26',
	'2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-12-25', '2027-12-26',
	'2028-01-01', '2028-04-14', '2028-04-17', '2028-05-01',
]);

const DAY = 86_400_000;
const MINUTE = 60_000;
// Global lookups (Math) are slow inside jest's vm sandbox; a module constant is not.
const { floor } = Math;

// ---------------------------------------------------------------- reference local time via Intl

const amsterdam = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
});
// Caches by UTC hour and local day since 2025-01-01 (plain arrays: the search reads them per minute).
const BASE_HOUR = Date.UTC(2025, 0, 1) / 3_600_000;
const BASE_DAY = Date.UTC(2025, 0, 1) / 86_400_000;
const offsetByUtcHour: Array<number | undefined> = [];

/** Amsterdam UTC offset in ms at an instant, read from Intl once per UTC hour (offsets change on the hour). */
function offsetMs(t: number): number {
	const hour = floor(t / 3_600_000);
	let offset = offsetByUtcHour[hour - BASE_HOUR];
	if (offset === undefined) {
		const at = hour * 3_600_000;
		const parts = Object.fromEntries(amsterdam.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
		const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
		offset = wall - at;
		offsetByUtcHour[hour - BASE_HOUR] = offset;
	}
	return offset;
}

interface Local {
	date: string;
	weekday: number; // 1 = Monday .. 7 = Sunday
	minute: number;
	dayIndex: number; // local days since 1970
}

const dayCache: Array<{ date: string; weekday: number } | undefined> = [];

function local(t: number): Local {
	const wall = t + offsetMs(t);
	const dayIndex = floor(wall / DAY);
	let day = dayCache[dayIndex - BASE_DAY];
	if (day === undefined) {
		const d = new Date(dayIndex * DAY);
		day = { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay() };
		dayCache[dayIndex - BASE_DAY] = day;
	}
	return { date: day.date, weekday: day.weekday, minute: floor((wall - dayIndex * DAY) / MINUTE), dayIndex };
}

// ---------------------------------------------------------------- reference calendars

const isoOf = (dayIndex: number) => new Date(dayIndex * DAY).toISOString().slice(0, 10);
const weekdayOf = (dayIndex: number) => ((new Date(dayIndex * DAY).getUTCDay() + 6) % 7) + 1;
const isBankDay = (dayIndex: number) => weekdayOf(dayIndex) <= 5 && !BANK_CLOSED.has(isoOf(dayIndex));
const isWorkingDay = (dayIndex: number) => weekdayOf(dayIndex) <= 5 && !REST_DAYS.has(isoOf(dayIndex));
const dayIndexOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function rollBack(dayIndex: number): number {
	let d = dayIndex;
	while (!isBankDay(d)) d--;
	return d;
}

/** Income days (day indexes) from Oct 2025 to Mar 2028 for an income record, with default options. */
function referenceIncomeDays(income: Income | undefined): number[] {
	const days: number[] = [];
	const type = income?.type ?? 'unknown';
	if (type === 'salary-four-weekly' && income?.anchorDate) {
		const [y, m, d] = income.anchorDate.split('-').map(Number);
		const anchor = dayIndexOf(y, m, d);
		for (let k = -200; k <= 200; k++) {
			const day = anchor + 28 * k;
			if (day >= dayIndexOf(2025, 10, 1) && day <= dayIndexOf(2028, 3, 31)) days.push(rollBack(day));
		}
		return days;
	}
	for (let y = 2025; y <= 2028; y++) {
		for (let m = 1; m <= 12; m++) {
			if ((y === 2025 && m < 10) || (y === 2028 && m > 3)) continue;
			if (type === 'ww' && !income?.dayOfMonth) {
				let d = dayIndexOf(y, m, 1) - 1;
				for (let n = 0; n < 8; ) if (isBankDay(++d)) n++;
				days.push(d);
				continue;
			}
			const fallback = { aow: 23, 'uwv-benefit': 22, bijstand: 31 }[type as string] ?? 25;
			const dom = income?.dayOfMonth ?? fallback;
			days.push(rollBack(dayIndexOf(y, m, Math.min(dom, daysIn(y, m)))));
		}
	}
	return days;
}

function addWorking(day: number, n: number): number {
	let d = day;
	if (n === 0) {
		while (!isWorkingDay(d)) d++;
		return d;
	}
	for (let k = 0; k < n; ) if (isWorkingDay(++d)) k++;
	return d;
}

// ---------------------------------------------------------------- reference rules and search

interface Case {
	record: DebtorRecord;
	start: number;
	channel: Channel;
	persona: string | null;
	settings: Partial<SchedulingSettings> & { hours: HoursRule[] };
}

const DEFAULT_PAYDAY_PERSONAS = ['temporary-shortfall', 'structural-shortfall'];

function clock(value: string | number): number {
	if (typeof value === 'number') return value;
	const [h, m] = value.split(':').map(Number);
	return h * 60 + m;
}

/** A checker for one case: is contact allowed at minute t? Written from the rules, not from the scheduler. */
function referenceRules(c: Case) {
	const s = c.settings;
	const saturdays = s.saturdays ?? true;
	const letter = c.channel === 'letter';
	const windowOf = (weekday: number): [number, number] => {
		let from = letter ? 0 : 7 * 60;
		let until = letter ? 24 * 60 : 20 * 60;
		for (const rule of s.hours) {
			const channels = rule.channels ?? [];
			const days = rule.days ?? [];
			const forChannel = channels.length > 0 ? channels.includes(c.channel) : !letter;
			const forDay = days.length > 0 ? days.includes(weekday) : weekday <= 6;
			if (forChannel && forDay) {
				from = Math.max(from, clock(rule.from));
				until = Math.min(until, clock(rule.until));
			}
		}
		return [from, until];
	};
	const windows = [0, 1, 2, 3, 4, 5, 6, 7].map(windowOf);
	const personas = s.paydayPersonas ?? DEFAULT_PAYDAY_PERSONAS;
	const aligned = c.persona !== null && personas.includes(c.persona);
	const minDays = s.paydayMinWorkingDays ?? 1;
	const maxDays = s.paydayMaxWorkingDays ?? 3;
	const alignedDays = new Set<number>();
	if (aligned) {
		for (const income of referenceIncomeDays(c.record.income)) {
			for (let d = addWorking(income, minDays); d <= addWorking(income, maxDays); d++) alignedDays.add(d);
		}
	}
	const n = s.maxContactsPer7Days ?? 3;
	const gap = (s.minHoursBetweenContacts ?? 24) * 3_600_000;
	const sameGap = (s.minHoursSameChannel ?? 48) * 3_600_000;
	const contacts = (c.record.contacts ?? [])
		.filter((contact) => (s.countInboundContacts ?? false) || contact.direction !== 'inbound')
		.map((contact) => ({ at: Date.parse(contact.at), channel: contact.channel }))
		.filter((contact) => contact.at > c.start - 8 * DAY);
	for (const contact of contacts) if (!(contact.at < c.start)) throw new Error('reference assumes a history before the start');

	return function allowed(t: number): boolean {
		const l = local(t);
		if (l.weekday === 7 || REST_DAYS.has(l.date) || (l.weekday === 6 && !saturdays)) return false;
		const [from, until] = windows[l.weekday];
		if (!(l.minute >= from && l.minute < until)) return false;
		if (aligned && !alignedDays.has(l.dayIndex)) return false;
		let inWeek = 0;
		for (const contact of contacts) {
			if (t - contact.at < gap) return false;
			if (contact.channel === c.channel && t - contact.at < sameGap) return false;
			if (t - contact.at < 7 * DAY) inWeek++;
		}
		return inWeek <= n - 1;
	};
}

/** The first allowed whole minute at or after the start, minute by minute (NaN if none within 120 days). */
function referenceSearch(c: Case, allowed: (t: number) => boolean): number {
	for (let t = c.start, end = c.start + 120 * DAY; t <= end; t += MINUTE) if (allowed(t)) return t;
	return Number.NaN;
}

// ---------------------------------------------------------------- random cases

/** mulberry32: a tiny seeded PRNG for the settings and moments (the portfolio has its own). */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
		chance: (p: number) => next() < p,
	};
}

const CHANNELS: Channel[] = ['email', 'sms', 'whatsapp', 'letter', 'phone'];
const PERSONAS = ['current', 'forgetful', 'temporary-shortfall', 'structural-shortfall', 'overwhelmed', 'can-pay-wont-pay', 'dispute', 'debt-help', 'vulnerable'];
// Reference dates around holidays, DST changes and month ends; starts fall in the 10 days after.
const REFERENCE_DATES = ['2026-01-05', '2026-03-24', '2026-03-31', '2026-04-23', '2026-05-11', '2026-05-22', '2026-06-30', '2026-10-21', '2026-12-21', '2027-03-24', '2027-04-30', '2027-10-27'];

function randomCases(count: number, seed: number): Case[] {
	const rng = prng(seed);
	const perDate = Math.ceil(count / REFERENCE_DATES.length);
	const cases: Case[] = [];
	REFERENCE_DATES.forEach((referenceDate, r) => {
		for (const { record } of generatePortfolio({ seed: seed + r, count: perDate, referenceDate })) {
			const lastContact = Math.max(Date.parse(`${referenceDate}T00:00:00Z`), ...(record.contacts ?? []).map((c) => Date.parse(c.at)));
			let start = Math.ceil((lastContact + MINUTE) / MINUTE) * MINUTE + rng.int(0, 10 * 24 * 60) * MINUTE;
			if (rng.chance(0.3)) {
				// On an edge of the window: the same local day at 06:59, 07:00, 19:59, 20:00, 23:59 or midnight.
				const wall = start + offsetMs(start);
				const edge = floor(wall / DAY) * DAY + rng.pick([419, 420, 1199, 1200, 1439, 1440]) * MINUTE;
				const candidate = edge - offsetMs(edge - 2 * 3_600_000);
				if (candidate > lastContact) start = candidate;
			}
			const contacts: Contact[] = [...(record.contacts ?? [])];
			if (rng.chance(0.4)) {
				for (let k = rng.int(1, 4); k > 0; k--) {
					const at = start - rng.int(1, 7 * 24 * 60) * MINUTE - rng.int(0, 59) * 1000;
					contacts.push({ at: new Date(at).toISOString(), channel: rng.pick([...CHANNELS, 'portal']), direction: rng.chance(0.8) ? 'outbound' : 'inbound' });
				}
			}
			const hours: HoursRule[] = [];
			if (rng.chance(0.3)) {
				for (let k = rng.int(1, 2); k > 0; k--) {
					hours.push({
						channels: rng.chance(0.5) ? [] : CHANNELS.filter(() => rng.chance(0.4)),
						days: rng.chance(0.5) ? [] : [1, 2, 3, 4, 5, 6].filter(() => rng.chance(0.5)),
						from: `${String(rng.int(6, 11)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
						until: `${String(rng.int(12, 21)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
					});
				}
			}
			const min = rng.int(0, 2);
			const settings: Case['settings'] = {
				saturdays: rng.chance(0.8),
				hours,
				paydayMinWorkingDays: min,
				paydayMaxWorkingDays: min + rng.int(0, 2),
				maxContactsPer7Days: rng.int(1, 4),
				minHoursBetweenContacts: rng.pick([0, 12, 24, 36]),
				minHoursSameChannel: rng.pick([0, 24, 48, 72]),
				countInboundContacts: rng.chance(0.2),
				...(rng.chance(0.3) ? { paydayPersonas: PERSONAS.filter(() => rng.chance(0.3)) } : {}),
			};
			const flags = record.flags ? { ...record.flags, deceased: false } : undefined;
			const reversals = record.reversals?.filter((reversal) => reversal.reasonCode !== 'MD07');
			cases.push({
				record: { ...record, contacts, flags, reversals },
				start,
				channel: rng.pick(CHANNELS),
				persona: rng.chance(0.1) ? null : rng.pick(PERSONAS),
				settings,
			});
		}
	});
	return cases;
}

function describeCase(c: Case): string {
	return JSON.stringify({
		start: new Date(c.start).toISOString(),
		channel: c.channel,
		persona: c.persona,
		income: c.record.income,
		settings: c.settings,
		recent: (c.record.contacts ?? []).filter((contact) => Date.parse(contact.at) > c.start - 8 * DAY),
	});
}

// ---------------------------------------------------------------- the properties

const calendar = getDutchCalendar();
const cases = randomCases(3000, 20260706);

describe('property: legal and earliest, against a minute-by-minute reference', () => {
	it(`holds for ${cases.length} random debtors, moments, channels, personas and settings`, () => {
		const failures: string[] = [];
		let aligned = 0;
		let moved = 0;
		for (const c of cases) {
			const scheduler = createScheduler({ settings: c.settings, calendar, language: 'en' });
			const result = nextContactMoment(c.record, { startMs: c.start, nowMs: c.start, channel: c.channel, persona: c.persona }, scheduler);
			const allowed = referenceRules(c);
			const expected = referenceSearch(c, allowed);
			if (result.status !== 'scheduled') {
				if (!Number.isNaN(expected)) failures.push(`not scheduled (${result.reasonCode}) but ${new Date(expected).toISOString()} is allowed: ${describeCase(c)}`);
				continue;
			}
			const t = Date.parse(result.moment);
			if (result.paydayAligned) aligned++;
			if (t !== c.start) moved++;
			// (1) Never outside the legal window (checked on its own, for every channel but letters).
			const l = local(t);
			if (c.channel !== 'letter' && (l.weekday === 7 || REST_DAYS.has(l.date) || l.minute < 7 * 60 || l.minute >= 20 * 60)) {
				failures.push(`outside the legal window: ${result.moment} for ${describeCase(c)}`);
			}
			if (c.channel === 'letter' && (l.weekday === 7 || REST_DAYS.has(l.date))) failures.push(`letter on a non-post day: ${result.moment}`);
			// (2) The earliest allowed moment.
			if (t !== expected) {
				failures.push(`got ${result.moment}, reference ${Number.isNaN(expected) ? 'none' : new Date(expected).toISOString()}: ${describeCase(c)}`);
			}
			if (failures.length >= 5) break;
		}
		expect(failures).toEqual([]);
		// The cases really exercise the rules.
		expect(aligned).toBeGreaterThan(cases.length / 10);
		expect(moved).toBeGreaterThan(cases.length / 3);
	});

	it('with jitter: still allowed, and moved by exactly the debtor\'s jitter or not at all', () => {
		const failures: string[] = [];
		let jittered = 0;
		for (const c of cases.slice(0, 800)) {
			const settings = { ...c.settings, jitterMinutes: 15 };
			const plain = nextContactMoment(c.record, { startMs: c.start, nowMs: c.start, channel: c.channel, persona: c.persona }, createScheduler({ settings: c.settings, calendar }));
			const spread = nextContactMoment(c.record, { startMs: c.start, nowMs: c.start, channel: c.channel, persona: c.persona }, createScheduler({ settings, calendar }));
			if (plain.status !== 'scheduled' || spread.status !== 'scheduled') continue;
			const t0 = Date.parse(plain.moment);
			const t = Date.parse(spread.moment);
			const j = jitterFor(c.record.debtorId, 15);
			if (!referenceRules(c)(t)) failures.push(`jittered moment not allowed: ${spread.moment} for ${describeCase(c)}`);
			if (t !== t0 && t !== t0 + j * MINUTE) failures.push(`moved by ${(t - t0) / MINUTE} min instead of 0 or ${j}`);
			if (t !== t0) jittered++;
		}
		expect(failures).toEqual([]);
		expect(jittered).toBeGreaterThan(400);
	});
});
