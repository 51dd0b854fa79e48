import type { Language } from '../debtor/model';
import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	daysFromCivil,
	isoDate,
	parseIsoDate,
	weekday,
	type DayNumber,
} from './days';
import { easterSunday } from './easter';

/** Languages the calendar can name days in. */

/** Identifiers of the Dutch general holidays (plus the designated-day pseudo holiday). */
export type DutchHolidayId =
	| 'newYearsDay'
	| 'goodFriday'
	| 'easterSunday'
	| 'easterMonday'
	| 'kingsDay'
	| 'liberationDay'
	| 'ascensionDay'
	| 'whitSunday'
	| 'whitMonday'
	| 'christmasDay'
	| 'boxingDay'
	| 'designatedDay';

/** Dutch and English names, indexed by the numeric holiday code the compiled calendar stores. */
export const HOLIDAY_IDS: readonly DutchHolidayId[] = [
	'newYearsDay',
	'goodFriday',
	'easterSunday',
	'easterMonday',
	'kingsDay',
	'liberationDay',
	'ascensionDay',
	'whitSunday',
	'whitMonday',
	'christmasDay',
	'boxingDay',
	'designatedDay',
];

/** Names per holiday, in Dutch and English. */
export const HOLIDAY_NAMES: Readonly<Record<DutchHolidayId, Readonly<Record<Language, string>>>> = {
	newYearsDay: { nl: 'Nieuwjaarsdag', en: "New Year's Day" },
	goodFriday: { nl: 'Goede Vrijdag', en: 'Good Friday' },
	easterSunday: { nl: 'Eerste Paasdag', en: 'Easter Sunday' },
	easterMonday: { nl: 'Tweede Paasdag', en: 'Easter Monday' },
	kingsDay: { nl: 'Koningsdag', en: "King's Day" },
	liberationDay: { nl: 'Bevrijdingsdag', en: 'Liberation Day' },
	ascensionDay: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
	whitSunday: { nl: 'Eerste Pinksterdag', en: 'Whit Sunday' },
	whitMonday: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
	christmasDay: { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
	boxingDay: { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
	designatedDay: { nl: 'door de overheid gelijkgestelde dag', en: 'day designated equal to a public holiday' },
};

/** Name of a day the careful default treats as designated in a year without a decree. */
export const ASSUMED_DESIGNATED_DAY_NAME: Readonly<Record<Language, string>> = {
	nl: 'naar verwachting gelijkgestelde dag (nog geen besluit)',
	en: 'expected designated day (no decree yet)',
};

/** One holiday occurrence. */
export interface HolidayOccurrence {
	day: DayNumber;
	id: DutchHolidayId;
}

/** King's Day: 27 April, moved to Saturday 26 April when the 27th is a Sunday (Wet viering Koningsdag). */
function kingsDayOfYear(year: number): DayNumber {
	const day = daysFromCivil(year, 4, 27);
	return weekday(day) === 7 ? day - 1 : day;
}

/**
 * The Dutch general holidays of a year: those of the Algemene termijnenwet (art. 3) plus Good
 * Friday, as the brief requires for the collection contact window. Easter Sunday and Whit Sunday
 * are Sundays (already excluded everywhere) but are listed so they get a name.
 * Liberation Day counts every year, not only in lustrum years: the Algemene termijnenwet names
 * "de vijfde mei" without condition. King's Day follows King Willem-Alexander's birthday; a change
 * of monarch would need a new rule here.
 */
export function dutchHolidaysOfYear(year: number): HolidayOccurrence[] {
	const easter = easterSunday(year);
	return [
		{ day: daysFromCivil(year, 1, 1), id: 'newYearsDay' },
		{ day: easter - 2, id: 'goodFriday' },
		{ day: easter, id: 'easterSunday' },
		{ day: easter + 1, id: 'easterMonday' },
		{ day: kingsDayOfYear(year), id: 'kingsDay' },
		{ day: daysFromCivil(year, 5, 5), id: 'liberationDay' },
		{ day: easter + 39, id: 'ascensionDay' },
		{ day: easter + 49, id: 'whitSunday' },
		{ day: easter + 50, id: 'whitMonday' },
		{ day: daysFromCivil(year, 12, 25), id: 'christmasDay' },
		{ day: daysFromCivil(year, 12, 26), id: 'boxingDay' },
	];
}

/**
 * Days the TARGET2/SEPA payment system is closed in a year besides weekends: 1 January, Good
 * Friday, Easter Monday, 1 May (Labour Day), 25 and 26 December. Banks are open on King's Day,
 * Ascension Day, Whit Monday, 5 May and designated days, so direct-debit dates use this calendar.
 */
export function bankClosingDaysOfYear(year: number): DayNumber[] {
	const easter = easterSunday(year);
	return [
		daysFromCivil(year, 1, 1),
		easter - 2,
		easter + 1,
		daysFromCivil(year, 5, 1),
		daysFromCivil(year, 12, 25),
		daysFromCivil(year, 12, 26),
	];
}

/** One decree that equates days with the general holidays (Besluit gelijkstelling, art. 3 lid 3 Atw). */
export interface DesignationDecree {
	/** The decree's citation title (it names every day it equates). */
	title: string;
	/** The calendar years it covers: for these years its list is complete. */
	years: readonly number[];
	/** The days it equates, as ISO dates. */
	days: readonly string[];
}

/**
 * The decrees built into this release, oldest first. The government decrees the days for about three
 * years at a time; a newer decree is entered under "Extra Designated Days" until a release ships it.
 * The decree for 2020-2022 is not here: its text could not be checked (only secondary lists were
 * found), so those years are treated like years without a decree. Sources: the titles as cited by
 * sterfgeval.nl (vraag 70745, 4 October 2025); the 2023 and 2024 days also in bailiffs' lists of
 * explootvrije dagen (digideur.nl, houwelingen-partners.nl, kbvg.nl).
 */
export const DESIGNATION_DECREES: readonly DesignationDecree[] = Object.freeze([
	{
		title: 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag',
		years: [2023, 2024, 2025],
		days: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
	},
	{
		title: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag',
		years: [2026, 2027, 2028],
		days: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
	},
]);

/**
 * Every day the built-in decrees equate with a general holiday (gelijkgestelde dagen, art. 3 lid 3
 * Algemene termijnenwet), sorted. Users add the days of newer decrees through the node parameter
 * "Extra Designated Days" rather than waiting for a new release.
 */
export const DEFAULT_DESIGNATED_DAYS: readonly string[] = Object.freeze(DESIGNATION_DECREES.flatMap((decree) => decree.days).sort());

/** The years a built-in decree covers, ascending: for these its list is complete. */
export const DECREED_YEARS: readonly number[] = Object.freeze(
	[...new Set(DESIGNATION_DECREES.flatMap((decree) => decree.years))].sort((x, y) => x - y),
);

/**
 * The careful default for a year no built-in decree covers: the days the decrees usually equate.
 * - the Friday after Ascension Day;
 * - the Monday before New Year's Day, King's Day, Liberation Day or Christmas Day on a Tuesday;
 * - the Friday after New Year's Day, King's Day, Liberation Day or Boxing Day on a Thursday.
 * Not every decree took every such day (the 2026-2028 decree left out Monday 4 May 2026 and Monday
 * 26 April 2027), so this errs towards a rest day: one contact day fewer and a term a day longer,
 * never contact or costs on a day a future decree equates. Returns the days that fall in `year`
 * (a Monday before a Tuesday New Year's Day is 31 December, so it comes from next year's New Year),
 * ascending, general holidays left out (the Friday after Ascension can be 5 May).
 */
export function usualDesignatedDaysOfYear(year: number): DayNumber[] {
	const newYearsDay = daysFromCivil(year, 1, 1);
	const kingsDay = kingsDayOfYear(year);
	const liberationDay = daysFromCivil(year, 5, 5);
	const christmasDay = daysFromCivil(year, 12, 25);
	const days = new Set<DayNumber>([easterSunday(year) + 40]);
	// A Tuesday New Year's Day gives 31 December of last year; next year's gives this year's.
	for (const holiday of [daysFromCivil(year + 1, 1, 1), kingsDay, liberationDay, christmasDay]) {
		if (weekday(holiday) === 2) days.add(holiday - 1);
	}
	for (const holiday of [newYearsDay, kingsDay, liberationDay, christmasDay + 1]) {
		if (weekday(holiday) === 4) days.add(holiday + 1);
	}
	for (const { day } of dutchHolidaysOfYear(year)) days.delete(day);
	return [...days].sort((x, y) => x - y);
}

/**
 * Splits a user-entered list of designated days ("2029-05-11, 2029-12-24" or one per line) into
 * trimmed entries. Validation happens in `normaliseDesignatedDays`.
 */
export function parseDesignatedDays(input: string | readonly string[] | undefined | null): string[] {
	if (input === undefined || input === null) return [];
	const parts = typeof input === 'string' ? input.split(/[\s,;]+/) : input.map((entry) => String(entry));
	return parts.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * Validates designated days and returns them as sorted, de-duplicated ISO dates. Throws a RangeError
 * naming the first bad entry (not a real YYYY-MM-DD date, or outside 2020-2100).
 */
export function normaliseDesignatedDays(entries: readonly string[]): string[] {
	const days: DayNumber[] = [];
	for (const raw of entries) {
		const entry = typeof raw === 'string' ? raw.trim() : raw;
		if (entry === '') continue;
		const day = parseIsoDate(entry);
		if (Number.isNaN(day)) {
			throw new RangeError(`Designated day ${JSON.stringify(entry)} is not a real date in the form YYYY-MM-DD`);
		}
		if (day < CALENDAR_FIRST_DAY || day > CALENDAR_LAST_DAY) {
			throw new RangeError(
				`Designated day "${entry}" is outside the supported calendar range ${isoDate(CALENDAR_FIRST_DAY)} to ${isoDate(CALENDAR_LAST_DAY)}`,
			);
		}
		days.push(day);
	}
	days.sort((x, y) => x - y);
	const result: string[] = [];
	for (let i = 0; i < days.length; i++) if (i === 0 || days[i] !== days[i - 1]) result.push(isoDate(days[i]));
	return result;
}
