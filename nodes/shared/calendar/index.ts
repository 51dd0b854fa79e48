/** Public API of the shared Dutch calendar: one set of rules for every node. */
export {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	FIRST_CALENDAR_YEAR,
	LAST_CALENDAR_YEAR,
	MS_PER_DAY,
	MS_PER_HOUR,
	MS_PER_MINUTE,
	MOMENT_MAX_OFFSET_HOURS,
	dateOf,
	dayNumber,
	daysFromCivil,
	daysInMonth,
	isIsoDate,
	isLeapYear,
	isoDate,
	isoDateAt,
	isoDateTimeMs,
	monthOf,
	parseIsoDate,
	utcDayOf,
	weekday,
	yearOf,
	pad2,
	ymd,
	type DayNumber,
} from './days';
export { parseMoment } from './moments';
export { easterSunday } from './easter';
export {
	ASSUMED_DESIGNATED_DAY_NAME,
	DECREED_YEARS,
	DEFAULT_DESIGNATED_DAYS,
	DESIGNATION_DECREES,
	HOLIDAY_NAMES,
	bankClosingDaysOfYear,
	dutchHolidaysOfYear,
	normaliseDesignatedDays,
	parseDesignatedDays,
	usualDesignatedDaysOfYear,
	type DesignationDecree,
	type DutchHolidayId,
	type HolidayOccurrence,
} from './holidays';
export { DutchCalendar, getDutchCalendar, type DutchCalendarOptions } from './calendar';
export {
	AMSTERDAM,
	amsterdamLocalDay,
	amsterdamLocalMsOfDay,
	amsterdamLocalToEpochMs,
	amsterdamOffsetMinutes,
	epochMsToAmsterdamLocal,
} from './amsterdam';
export {
	CONTACT_WINDOW_END_MINUTE,
	CONTACT_WINDOW_START_MINUTE,
	isWithinLegalContactWindow,
	nextLegalContactMoment,
} from './contactWindow';
export { fourteenDayLetterTerm, termDates, type FourteenDayLetterOptions, type FourteenDayLetterTerm, type LetterTermDates } from './letterTerm';
export { formatDate, type DateStyle } from './format';
export {
	DEFAULT_INCOME_CALENDAR_OPTIONS,
	IncomeOptionError,
	incomeDaysBetween,
	nextIncomeDay,
	resolveIncomeCalendarOptions,
	type ExpectedIncome,
	type IncomeCalendarOptions,
	type ResolvedIncomeCalendarOptions,
} from './income';
