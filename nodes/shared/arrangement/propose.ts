/**
 * Proposes payment arrangements (betalingsregelingen) for an amount (domain brief section 8):
 * - how many terms: at least as many as the monthly capacity needs, at most the maximum term (12
 *   months is common; longer with debt help), and never so many that a term drops below the minimum
 *   instalment;
 * - capacity: a stated monthly amount, or the income above the protected floor (floor.ts), whichever
 *   is lower when both are known; no instalment ever pushes a known income below the floor;
 * - amounts in whole cents: amount per term = floor(total / terms); the first (total mod terms) terms
 *   are one cent higher, so the terms differ by at most a cent and add up to the total exactly;
 * - dates: the first expected income on or after the earliest start, then one income per month (the
 *   next income at least 25 days after the previous one, so four-weekly pay gives one term per pay
 *   period), each instalment a set number of working days after the income, on a day that is both a
 *   Dutch working day and a bank business day (so a direct debit can be collected then).
 */
import type { DutchCalendar } from '../calendar/calendar';
import { isoDate, monthOf, yearOf, type DayNumber } from '../calendar/days';
import { formatDate } from '../calendar/format';
import { nextIncomeDay, type IncomeCalendarOptions } from '../calendar/income';
import type { DebtorRecord, Language } from '../debtor/model';
import { formatCents, type Cents } from '../money';
import type { ArrangementPlan, Instalment } from './check';
import { DEFAULT_FLOOR_NORMS, protectedFloor, type FloorNorm, type ProtectedFloor } from './floor';

export interface ProposeOptions {
	today: DayNumber;
	calendar: DutchCalendar;
	amountCents: Cents;
	/** Monthly amount the debtor says they can pay. */
	statedCapacityCents?: Cents;
	/** Default 2,500 (EUR 25). */
	minimumInstalmentCents?: Cents;
	/** Default 12. */
	maximumTerms?: number;
	/** Used when debt help is involved (flags.debtHelp). Default 24. */
	maximumTermsWithDebtHelp?: number;
	/** Working days between the income and the instalment. Default 1. */
	paymentDelayWorkingDays?: number;
	/** The first instalment is not before today + this many days (time to agree). Default 7. */
	firstInstalmentAfterDays?: number;
	/** How many plans to offer (1-5). Default 3. */
	alternatives?: number;
	floorNorms?: readonly FloorNorm[];
	incomeCalendar?: IncomeCalendarOptions;
	/** Claims the arrangement covers (copied into each plan). */
	claimIds?: string[];
}

export interface ProposedPlan extends ArrangementPlan {
	terms: number;
	/** The largest instalment (the first ones when the total does not divide evenly). */
	instalmentCents: Cents;
	firstDate: string;
	lastDate: string;
	/** Calendar months from the first to the last instalment, both counted. */
	months: number;
	instalments: Array<Instalment & { incomeDate: string; incomeAssumed: boolean }>;
}

export type ProposalStatus = 'proposed' | 'nothing-to-arrange' | 'no-capacity' | 'below-minimum-instalment' | 'exceeds-maximum-term';

export interface ArrangementProposal {
	status: ProposalStatus;
	referenceDate: string;
	amountCents: Cents;
	capacity: {
		/** What one instalment may be at most (null when nothing is known about capacity). */
		monthlyCents: Cents | null;
		source: 'stated' | 'income' | 'stated-and-income' | 'unknown';
		statedCents: Cents | null;
		incomeCents: Cents | null;
		/** The protected floor, when the income is known. */
		floor: ProtectedFloor | null;
		/** Income above the floor (may be negative). */
		roomCents: Cents | null;
	};
	minimumInstalmentCents: Cents;
	maximumTerms: number;
	proposals: ProposedPlan[];
	/** Index in `proposals` of the plan to offer first, or null. */
	recommended: number | null;
	reasons: { nl: string[]; en: string[] };
	warnings: string[];
}

/** Thrown for options that cannot be used; `field` names the option. */
export class ProposeOptionError extends RangeError {
	constructor(
		message: string,
		readonly field: string,
	) {
		super(message);
		this.name = 'ProposeOptionError';
	}
}

function check(options: ProposeOptions): void {
	const whole = (value: number | undefined, field: string, min: number, max: number) => {
		if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
			throw new ProposeOptionError(`must be a whole number from ${min} to ${max}`, field);
		}
	};
	whole(options.amountCents, 'amount', 0, Number.MAX_SAFE_INTEGER);
	whole(options.statedCapacityCents, 'capacity', 0, Number.MAX_SAFE_INTEGER);
	whole(options.minimumInstalmentCents, 'minimumInstalment', 1, Number.MAX_SAFE_INTEGER);
	whole(options.maximumTerms, 'maximumTerms', 1, 120);
	whole(options.maximumTermsWithDebtHelp, 'maximumTermsWithDebtHelp', 1, 120);
	whole(options.paymentDelayWorkingDays, 'paymentDelayWorkingDays', 0, 10);
	whole(options.firstInstalmentAfterDays, 'firstInstalmentAfterDays', 0, 92);
	whole(options.alternatives, 'alternatives', 1, 5);
}

/** The instalment day for an income day: `delay` working days later, on a working and bank business day. */
export function instalmentDayAfterIncome(incomeDay: DayNumber, delay: number, calendar: DutchCalendar): DayNumber {
	let day = calendar.addWorkingDays(incomeDay, delay);
	while (!calendar.isWorkingDay(day) || !calendar.isBankBusinessDay(day)) day = calendar.nextWorkingDay(day);
	return day;
}

/** Instalment amounts: floor(total / n), the first (total mod n) one cent higher. */
export function splitAmount(totalCents: Cents, terms: number): Cents[] {
	const base = Math.floor(totalCents / terms);
	const extra = totalCents - base * terms;
	return Array.from({ length: terms }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Which term counts to offer: the fewest affordable, the most allowed, and one between. */
function termOptions(fewest: number, most: number, count: number): number[] {
	const picks = new Set<number>([fewest]);
	for (const common of [3, 6, 12, 18, 24, 36]) if (common > fewest && common < most) picks.add(common);
	picks.add(most);
	const sorted = [...picks].sort((a, b) => a - b);
	if (sorted.length <= count) return sorted;
	// Keep the fewest and the most, and spread the rest evenly between them.
	const chosen = [sorted[0]];
	for (let k = 1; k < count - 1; k++) chosen.push(sorted[Math.round((k * (sorted.length - 1)) / (count - 1))]);
	chosen.push(sorted[sorted.length - 1]);
	return [...new Set(chosen)];
}

const money = (cents: Cents, l: Language) => formatCents(cents, l);

/** Proposes instalment plans for one debtor and amount. */
export function proposeArrangement(record: DebtorRecord, options: ProposeOptions): ArrangementProposal {
	check(options);
	const { today, calendar } = options;
	const amount = options.amountCents;
	const minimum = options.minimumInstalmentCents ?? 2500;
	const debtHelp = record.flags?.debtHelp === true;
	const maximumTerms = debtHelp ? (options.maximumTermsWithDebtHelp ?? 24) : (options.maximumTerms ?? 12);
	const reasons = { nl: [] as string[], en: [] as string[] };
	const warnings: string[] = [];
	const say = (nl: string, en: string) => {
		reasons.nl.push(nl);
		reasons.en.push(en);
	};

	const incomeCents = record.income?.netMonthlyCents ?? null;
	const stated = options.statedCapacityCents ?? null;
	let floor: ProtectedFloor | null = null;
	let room: Cents | null = null;
	if (incomeCents !== null) {
		floor = protectedFloor(record, today, options.floorNorms ?? DEFAULT_FLOOR_NORMS);
		warnings.push(...floor.warnings);
		room = incomeCents - floor.monthlyCents;
	}
	let capacity: Cents | null = null;
	let source: ArrangementProposal['capacity']['source'] = 'unknown';
	if (stated !== null && room !== null) {
		capacity = Math.min(stated, room);
		source = 'stated-and-income';
	} else if (stated !== null) {
		capacity = stated;
		source = 'stated';
	} else if (room !== null) {
		capacity = room;
		source = 'income';
	}
	const result: ArrangementProposal = {
		status: 'proposed',
		referenceDate: isoDate(today),
		amountCents: amount,
		capacity: { monthlyCents: capacity, source, statedCents: stated, incomeCents, floor, roomCents: room },
		minimumInstalmentCents: minimum,
		maximumTerms,
		proposals: [],
		recommended: null,
		reasons,
		warnings,
	};
	if (floor && room !== null) {
		const composition = floor.compositionAssumed ? 'other' : floor.composition;
		say(
			`Beschermde ondergrens (ongeveer 95% van de bijstandsnorm, ${composition}${floor.compositionAssumed ? ', huishouden onbekend: de hogere norm' : ''}): ${money(floor.monthlyCents, 'nl')} per maand; inkomen ${money(incomeCents!, 'nl')}, ruimte ${money(room, 'nl')}.`,
			`Protected floor (about 95% of the social-assistance norm, ${composition}${floor.compositionAssumed ? ', household unknown: the higher norm' : ''}): ${money(floor.monthlyCents, 'en')} a month; income ${money(incomeCents!, 'en')}, room ${money(room, 'en')}.`,
		);
	}
	if (stated !== null && room !== null && room < stated) {
		say(
			`Opgegeven ${money(stated, 'nl')} per maand is meer dan de ruimte boven de ondergrens; de termijn is hooguit ${money(Math.max(room, 0), 'nl')}.`,
			`The stated ${money(stated, 'en')} a month is more than the room above the floor; an instalment is at most ${money(Math.max(room, 0), 'en')}.`,
		);
	}
	if (amount === 0) {
		result.status = 'nothing-to-arrange';
		say('Er staat niets open om te regelen.', 'Nothing is open to arrange.');
		return result;
	}
	if (capacity !== null && capacity <= 0) {
		result.status = 'no-capacity';
		say(
			'Geen regeling voorgesteld: elke termijn zou het inkomen onder de beschermde ondergrens brengen. Verwijs naar schuldhulp.',
			'No arrangement proposed: any instalment would push the income below the protected floor. Refer to debt help.',
		);
		return result;
	}
	const fewest = capacity === null ? 1 : Math.max(1, Math.ceil(amount / capacity));
	const mostByMinimum = Math.max(1, Math.floor(amount / minimum));
	const most = Math.min(maximumTerms, mostByMinimum);
	if (fewest > maximumTerms) {
		result.status = 'exceeds-maximum-term';
		say(
			`Geen regeling voorgesteld: met ${money(capacity!, 'nl')} per maand zijn ${fewest} termijnen nodig, meer dan de maximale looptijd van ${maximumTerms}. ${debtHelp ? 'Overleg met de schuldhulpverlener.' : 'Verwijs naar schuldhulp; met schuldhulp kan de looptijd langer.'}`,
			`No arrangement proposed: at ${money(capacity!, 'en')} a month it takes ${fewest} terms, more than the maximum of ${maximumTerms}. ${debtHelp ? 'Discuss with the debt counsellor.' : 'Refer to debt help; with debt help the term can be longer.'}`,
		);
		return result;
	}
	if (fewest > most) {
		result.status = 'below-minimum-instalment';
		say(
			`Geen regeling voorgesteld: de betaalbare termijn (${money(capacity!, 'nl')}) is lager dan de minimale termijn van ${money(minimum, 'nl')}. Verwijs naar schuldhulp of verlaag de minimale termijn.`,
			`No arrangement proposed: the affordable instalment (${money(capacity!, 'en')}) is below the minimum instalment of ${money(minimum, 'en')}. Refer to debt help or lower the minimum.`,
		);
		return result;
	}
	if (capacity === null) {
		say(
			'Geen inkomen of draagkracht bekend: de voorstellen zijn niet op betaalbaarheid getoetst. Vraag de debiteur wat per maand kan.',
			'No income or capacity known: the plans are not checked for affordability. Ask the debtor what they can pay a month.',
		);
	}

	const delay = options.paymentDelayWorkingDays ?? 1;
	const startDay = today + (options.firstInstalmentAfterDays ?? 7);
	const counts = termOptions(fewest, most, options.alternatives ?? 3);
	// Income days once, for the longest plan; shorter plans use the first ones.
	const incomes: Array<{ day: DayNumber; assumed: boolean }> = [];
	let next = nextIncomeDay(record.income, startDay, calendar, options.incomeCalendar);
	const longest = counts[counts.length - 1];
	while (incomes.length < longest) {
		incomes.push({ day: next.day, assumed: next.assumed });
		next = nextIncomeDay(record.income, next.day + 25, calendar, options.incomeCalendar);
	}
	if (incomes[0]?.assumed) {
		warnings.push('The income day is not known: instalment dates assume income on the fallback day of the income calendar (default the 25th).');
	}
	for (const terms of counts) {
		const amounts = splitAmount(amount, terms);
		const instalments = amounts.map((amountCents, i) => ({
			number: i + 1,
			dueDate: isoDate(instalmentDayAfterIncome(incomes[i].day, delay, calendar)),
			amountCents,
			incomeDate: isoDate(incomes[i].day),
			incomeAssumed: incomes[i].assumed,
		}));
		const first = instalments[0].dueDate;
		const last = instalments[instalments.length - 1].dueDate;
		const firstDay = incomes[0].day;
		const lastDay = incomes[terms - 1].day;
		result.proposals.push({
			agreedOn: isoDate(today),
			totalCents: amount,
			...(options.claimIds ? { claimIds: [...options.claimIds] } : {}),
			terms,
			instalmentCents: amounts[0],
			firstDate: first,
			lastDate: last,
			months: (yearOf(lastDay) - yearOf(firstDay)) * 12 + monthOf(lastDay) - monthOf(firstDay) + 1,
			instalments,
		});
	}
	// Offer the shortest affordable plan first when capacity is known; otherwise the middle one.
	result.recommended = capacity !== null ? 0 : Math.floor((result.proposals.length - 1) / 2);
	const shown = result.proposals[result.recommended];
	const firstDue = formatDate(instalmentDayAfterIncome(incomes[0].day, delay, calendar), 'nl', 'medium');
	say(
		`Voorstel: ${shown.terms} ${shown.terms === 1 ? 'termijn' : 'termijnen'} van ${money(shown.instalmentCents, 'nl')}, de eerste op ${firstDue}, steeds ${delay} ${delay === 1 ? 'werkdag' : 'werkdagen'} na het inkomen.`,
		`Proposal: ${shown.terms} ${shown.terms === 1 ? 'instalment' : 'instalments'} of ${money(shown.instalmentCents, 'en')}, the first on ${formatDate(instalmentDayAfterIncome(incomes[0].day, delay, calendar), 'en', 'medium')}, each ${delay} working ${delay === 1 ? 'day' : 'days'} after the income.`,
	);
	return result;
}
