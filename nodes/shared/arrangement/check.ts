/**
 * Checks a running payment arrangement (betalingsregeling) against the payments received: on track,
 * an instalment due soon, missed (and for how many days), or completed. The journey planner uses the
 * answer for its instalment-reminder and missed-instalment steps (domain brief section 8).
 *
 * Payments are applied in date order to the instalments in number order (the oldest instalment is
 * paid first), so a partial payment counts and an early payment covers the next instalment.
 */
import { formatDate } from '../calendar/format';
import { isoDate, parseIsoDate, type DayNumber } from '../calendar/days';
import type { Language, Payment, Reversal } from '../debtor/model';
import { formatCents, MAX_STATABLE_CENTS, STATABLE_LIMIT_TEXT, type Cents } from '../money';

export interface Instalment {
	number: number;
	dueDate: string;
	amountCents: Cents;
}

/** An agreed arrangement: the plan the debtor accepted. */
export interface ArrangementPlan {
	arrangementId?: string;
	/** Day the arrangement was agreed; payments from this day on count towards it. */
	agreedOn?: string;
	totalCents: Cents;
	instalments: Instalment[];
	/** Claims the arrangement covers; payments for other claims do not count. */
	claimIds?: string[];
}

export interface PlanProblem {
	field: string;
	message: string;
}

/** Thrown for a plan that cannot be checked; `field` names the first problem (e.g. `instalments[2].dueDate`). */
export class PlanError extends Error {
	readonly field: string;

	constructor(readonly problems: PlanProblem[], prefix = 'plan') {
		const first = problems[0];
		super(`${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`);
		this.name = 'PlanError';
		this.field = `${prefix}.${first.field}`;
	}
}

const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Validates an arrangement plan given as JSON; returns it typed or throws a PlanError naming the field. */
export function parsePlan(value: unknown, prefix = 'plan'): ArrangementPlan {
	const problems: PlanProblem[] = [];
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new PlanError([{ field: '(plan)', message: 'must be an arrangement plan { totalCents, instalments: [{ number, dueDate, amountCents }] }' }], prefix);
	}
	const plan = value as Record<string, unknown>;
	if (!Array.isArray(plan.instalments) || plan.instalments.length === 0) {
		problems.push({ field: 'instalments', message: 'must be a non-empty list of { number, dueDate, amountCents }' });
	} else {
		let previous = -Infinity;
		(plan.instalments as unknown[]).forEach((raw, i) => {
			const entry = (raw ?? {}) as Record<string, unknown>;
			const day = parseIsoDate(entry.dueDate);
			if (day !== day) problems.push({ field: `instalments[${i}].dueDate`, message: 'must be a date written as YYYY-MM-DD' });
			else if (day < previous) problems.push({ field: `instalments[${i}].dueDate`, message: 'must not be before the previous instalment' });
			else previous = day;
			if (!isCents(entry.amountCents) || entry.amountCents === 0) {
				problems.push({ field: `instalments[${i}].amountCents`, message: 'must be a whole number of cents above 0' });
			}
		});
	}
	if (plan.agreedOn !== undefined && Number.isNaN(parseIsoDate(plan.agreedOn))) {
		problems.push({ field: 'agreedOn', message: 'must be a date written as YYYY-MM-DD' });
	}
	if (plan.claimIds !== undefined && (!Array.isArray(plan.claimIds) || plan.claimIds.some((id) => typeof id !== 'string'))) {
		problems.push({ field: 'claimIds', message: 'must be a list of claim ids' });
	}
	if (problems.length === 0) {
		const sum = (plan.instalments as Instalment[]).reduce((total, instalment) => total + instalment.amountCents, 0);
		if (plan.totalCents !== undefined && plan.totalCents !== sum) {
			problems.push({ field: 'totalCents', message: `must equal the sum of the instalments (${sum})` });
		} else if (sum > MAX_STATABLE_CENTS) {
			// Each instalment is at most the total: bounding the total bounds what a message quotes.
			problems.push({ field: 'totalCents', message: `the instalments add up to more than ${STATABLE_LIMIT_TEXT}` });
		}
	}
	if (problems.length > 0) throw new PlanError(problems, prefix);
	const instalments = (plan.instalments as Array<Record<string, unknown>>).map((entry, i) => ({
		number: typeof entry.number === 'number' ? entry.number : i + 1,
		dueDate: entry.dueDate as string,
		amountCents: entry.amountCents as number,
	}));
	return {
		...(typeof plan.arrangementId === 'string' ? { arrangementId: plan.arrangementId } : {}),
		...(typeof plan.agreedOn === 'string' ? { agreedOn: plan.agreedOn } : {}),
		totalCents: instalments.reduce((total, instalment) => total + instalment.amountCents, 0),
		instalments,
		...(Array.isArray(plan.claimIds) ? { claimIds: [...(plan.claimIds as string[])] } : {}),
	};
}

/** due-soon: due within the reminder days, or past its date but still within the grace days. */
export type ArrangementState = 'on-track' | 'due-soon' | 'missed' | 'completed';
export type InstalmentState = 'paid' | 'partly-paid' | 'open' | 'missed';

export interface InstalmentStatus extends Instalment {
	paidCents: Cents;
	state: InstalmentState;
}

export interface ArrangementCheck {
	state: ArrangementState;
	referenceDate: string;
	paidCents: Cents;
	/** What should have been paid by the reference date (instalments due up to and including it). */
	expectedCents: Cents;
	/** Expected but not paid (0 when on track). */
	arrearsCents: Cents;
	remainingCents: Cents;
	/** The first instalment not fully paid, with what is still open of it. */
	nextInstalment: { number: number; dueDate: string; openCents: Cents; daysUntil: number } | null;
	/** The first missed instalment and how many days past its due date it is. */
	missed: { number: number; dueDate: string; openCents: Cents; days: number } | null;
	missedCount: number;
	/** Day the last instalment was paid in full (completed arrangements). */
	completedOn: string | null;
	instalments: InstalmentStatus[];
	reasons: { nl: string[]; en: string[] };
}

export interface CheckOptions {
	/** An instalment due within this many days counts as "due soon" (default 3). */
	reminderDays?: number;
	/** Days after the due date before an unpaid instalment counts as missed (default 0). */
	graceDays?: number;
	reversals?: Reversal[];
}

const medium = (day: DayNumber, language: Language) => formatDate(day, language, 'medium');

/** The state of an arrangement on `today`, from the payments (and reversals) received. */
export function checkArrangement(plan: ArrangementPlan, payments: Payment[] | undefined, today: DayNumber, options: CheckOptions = {}): ArrangementCheck {
	const reminderDays = options.reminderDays ?? 3;
	const graceDays = options.graceDays ?? 0;
	const from = plan.agreedOn !== undefined ? parseIsoDate(plan.agreedOn) : Number.NEGATIVE_INFINITY;
	const claims = plan.claimIds ? new Set(plan.claimIds) : undefined;
	const counts = (entry: { date: string; claimId?: string }) => {
		const day = parseIsoDate(entry.date);
		return day === day && day >= from && day <= today && (claims === undefined || entry.claimId === undefined || claims.has(entry.claimId));
	};
	// Money in, in date order; a returned direct debit takes its amount back on its own date.
	const flows: Array<{ day: DayNumber; cents: Cents }> = [];
	for (const payment of payments ?? []) if (counts(payment)) flows.push({ day: parseIsoDate(payment.date), cents: payment.amountCents });
	for (const reversal of options.reversals ?? []) if (counts(reversal)) flows.push({ day: parseIsoDate(reversal.date), cents: -reversal.amountCents });
	flows.sort((a, b) => a.day - b.day);
	let paid = 0;
	let completedDay: DayNumber | undefined;
	for (const flow of flows) {
		paid += flow.cents;
		if (completedDay === undefined && paid >= plan.totalCents) completedDay = flow.day;
		else if (paid < plan.totalCents) completedDay = undefined;
	}
	paid = Math.max(0, paid);

	let before = 0;
	let expected = 0;
	const instalments: InstalmentStatus[] = [];
	let next: ArrangementCheck['nextInstalment'] = null;
	let missed: ArrangementCheck['missed'] = null;
	let missedCount = 0;
	for (const instalment of plan.instalments) {
		const due = parseIsoDate(instalment.dueDate);
		const paidCents = Math.min(instalment.amountCents, Math.max(0, paid - before));
		before += instalment.amountCents;
		if (due <= today) expected += instalment.amountCents;
		let state: InstalmentState;
		if (paidCents === instalment.amountCents) state = 'paid';
		else if (due + graceDays < today) state = 'missed';
		else state = paidCents > 0 ? 'partly-paid' : 'open';
		instalments.push({ ...instalment, paidCents, state });
		const openCents = instalment.amountCents - paidCents;
		if (state === 'missed') {
			missedCount++;
			if (!missed) missed = { number: instalment.number, dueDate: instalment.dueDate, openCents, days: today - due };
		}
		if (state !== 'paid' && !next) next = { number: instalment.number, dueDate: instalment.dueDate, openCents, daysUntil: due - today };
	}
	const completed = paid >= plan.totalCents;
	const state: ArrangementState = completed
		? 'completed'
		: missed
			? 'missed'
			: next && next.daysUntil <= reminderDays
				? 'due-soon'
				: 'on-track';
	const reasons = { nl: [] as string[], en: [] as string[] };
	const say = (nl: string, en: string) => {
		reasons.nl.push(nl);
		reasons.en.push(en);
	};
	const count = plan.instalments.length;
	if (state === 'completed') {
		say(
			`Regeling afgerond: alle ${count} termijnen (${formatCents(plan.totalCents, 'nl')}) zijn betaald.`,
			`Arrangement completed: all ${count} instalments (${formatCents(plan.totalCents, 'en')}) have been paid.`,
		);
	} else if (missed) {
		const due = parseIsoDate(missed.dueDate);
		say(
			`Termijn ${missed.number} (nog ${formatCents(missed.openCents, 'nl')} open) moest uiterlijk ${medium(due, 'nl')} betaald zijn en is ${missed.days} ${missed.days === 1 ? 'dag' : 'dagen'} te laat.`,
			`Instalment ${missed.number} (${formatCents(missed.openCents, 'en')} still open) was due on ${medium(due, 'en')} and is ${missed.days} ${missed.days === 1 ? 'day' : 'days'} overdue.`,
		);
	} else if (next) {
		const due = parseIsoDate(next.dueDate);
		const n = next.daysUntil;
		const nl = n === 0 ? 'vervalt vandaag' : n > 0 ? `vervalt over ${n} ${n === 1 ? 'dag' : 'dagen'}` : `verviel ${-n} ${n === -1 ? 'dag' : 'dagen'} geleden (binnen de coulance)`;
		const en = n === 0 ? 'is due today' : n > 0 ? `is due in ${n} ${n === 1 ? 'day' : 'days'}` : `was due ${-n} ${n === -1 ? 'day' : 'days'} ago (within the grace days)`;
		say(
			`${state === 'due-soon' ? 'Termijn binnenkort' : 'Regeling loopt volgens plan'}: termijn ${next.number} van ${formatCents(next.openCents, 'nl')} ${nl} (${medium(due, 'nl')}).`,
			`${state === 'due-soon' ? 'Instalment due soon' : 'Arrangement on track'}: instalment ${next.number} of ${formatCents(next.openCents, 'en')} ${en} (${medium(due, 'en')}).`,
		);
	}
	return {
		state,
		referenceDate: isoDate(today),
		paidCents: paid,
		expectedCents: expected,
		arrearsCents: Math.max(0, expected - paid),
		remainingCents: Math.max(0, plan.totalCents - paid),
		nextInstalment: completed ? null : next,
		missed: completed ? null : missed,
		missedCount: completed ? 0 : missedCount,
		completedOn: completed && completedDay !== undefined ? isoDate(completedDay) : null,
		instalments,
		reasons,
	};
}
