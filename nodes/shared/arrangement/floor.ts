/**
 * The protected income floor (beslagvrije voet) as a guardrail for arrangements: an instalment must
 * never push a known income below it (domain brief section 8). The legal floor is 95% of the
 * applicable social-assistance norm (bijstandsnorm) plus housing-cost and health-premium increases;
 * we use only the base amount per household composition, so it is an APPROXIMATION and on the low
 * side where housing costs are high. It is not a legal calculation: for that, use the official
 * rekenhulp. The amounts change every 1 January and 1 July, so they are a dated table the user can
 * replace (node parameter "Protected Floor Norms").
 */
import { isoDate, parseIsoDate, type DayNumber } from '../calendar/days';
import type { DebtorRecord, Household } from '../debtor/model';
import type { Cents } from '../money';

const COMPOSITIONS = ['single', 'single-parent', 'couple', 'couple-with-children', 'other'] as const;
export type Composition = (typeof COMPOSITIONS)[number];

/** One row of the table: monthly floor amounts per household composition from a date. */
export interface FloorNorm {
	/** First day the amounts apply, YYYY-MM-DD. */
	from: string;
	/** Monthly net amounts in cents per household composition. */
	amounts: Record<Composition, Cents>;
	source?: string;
	/** True for amounts we derived rather than copied from an official table. */
	approximate?: boolean;
}

/**
 * Default table. KEEP IT CURRENT (rows per 1 January / 1 July from the official rekenhulp).
 * - 2021-01-01: the base amounts of the Wet vereenvoudiging beslagvrije voet (research notes 4.6):
 *   single and single parent EUR 967.90, couple EUR 1,382.71; 95% of the bijstandsnorm without
 *   holiday allowance. A single parent gets the single norm (the child budget comes on top).
 * - 2025-01-01: our approximation: 95% of 95% (no holiday allowance) of the bijstandsnorm of
 *   1 January 2025 as we know it (single EUR 1,401.07, couple EUR 2,001.52 per month including
 *   holiday allowance): single 1,264.47, couple 1,806.37. Not verified against an official table.
 * "other" (and an unknown household) uses the couple amount: the higher floor protects the debtor.
 */
export const DEFAULT_FLOOR_NORMS: readonly FloorNorm[] = Object.freeze([
	{
		from: '2021-01-01',
		amounts: { single: 96790, 'single-parent': 96790, couple: 138271, 'couple-with-children': 138271, other: 138271 },
		source: 'Wet vereenvoudiging beslagvrije voet, base amounts 2021 (research notes 4.6)',
		approximate: true,
	},
	{
		from: '2025-01-01',
		amounts: { single: 126447, 'single-parent': 126447, couple: 180637, 'couple-with-children': 180637, other: 180637 },
		source: 'approximation: 95% of the bijstandsnorm of 1 January 2025 without holiday allowance; verify with the official rekenhulp',
		approximate: true,
	},
]);

/** Floor amounts older than this many days at the calculation date get a "keep the table current" warning. */
const FLOOR_NORMS_STALE_AFTER_DAYS = 366;

export interface FloorProblem {
	entry: string;
	message: string;
}

/** Thrown for a floor table that cannot be used; the message names every bad entry. */
export class FloorNormError extends Error {
	readonly field = 'floorNorms';

	constructor(readonly problems: FloorProblem[]) {
		super(`Protected floor norms: ${problems.map((p) => `${p.entry} ${p.message}`).join('; ')}`);
		this.name = 'FloorNormError';
	}
}

/** Checks a floor table (any JSON) and returns it sorted by date; throws FloorNormError. */
export function parseFloorNorms(value: unknown): FloorNorm[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new FloorNormError([{ entry: 'floorNorms', message: 'must be a non-empty list of { from, amounts: { single, single-parent, couple, couple-with-children, other } } in cents' }]);
	}
	const problems: FloorProblem[] = [];
	const seen = new Set<string>();
	value.forEach((raw, i) => {
		const entry = `floorNorms[${i}]`;
		const row = (raw ?? {}) as Record<string, unknown>;
		if (Number.isNaN(parseIsoDate(row.from))) problems.push({ entry: `${entry}.from`, message: 'must be a date written as YYYY-MM-DD' });
		else if (seen.has(row.from as string)) problems.push({ entry: `${entry}.from`, message: 'repeats a date; keep one row per date' });
		else seen.add(row.from as string);
		const amounts = (row.amounts ?? {}) as Record<string, unknown>;
		for (const composition of COMPOSITIONS) {
			const amount = amounts[composition];
			if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
				problems.push({ entry: `${entry}.amounts.${composition}`, message: 'must be a whole number of cents, e.g. 126447 for EUR 1,264.47' });
			}
		}
	});
	if (problems.length > 0) throw new FloorNormError(problems);
	return (value as FloorNorm[]).map((row) => ({ ...row, amounts: { ...row.amounts } })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The household composition the floor uses, and whether it was known or assumed. */
function compositionOf(household: Household | undefined): { composition: Composition; assumed: boolean } {
	if (household?.composition) return { composition: household.composition, assumed: false };
	const adults = household?.adults;
	const children = household?.children ?? 0;
	if (adults === 1) return { composition: children > 0 ? 'single-parent' : 'single', assumed: false };
	if (adults !== undefined && adults >= 2) return { composition: children > 0 ? 'couple-with-children' : 'couple', assumed: false };
	return { composition: 'other', assumed: true };
}

export interface ProtectedFloor {
	composition: Composition;
	compositionAssumed: boolean;
	monthlyCents: Cents;
	/** The table row used. */
	normFrom: string;
	approximate: boolean;
	warnings: string[];
}

/** The floor for a household on a day, from a dated table. */
export function protectedFloor(record: Pick<DebtorRecord, 'household' | 'birthDate'>, day: DayNumber, norms: readonly FloorNorm[] = DEFAULT_FLOOR_NORMS): ProtectedFloor {
	const { composition, assumed } = compositionOf(record.household);
	const iso = isoDate(day);
	let row: FloorNorm | undefined;
	for (const norm of norms) if (norm.from <= iso) row = norm;
	const warnings: string[] = [];
	if (!row) {
		// Before the first row: the first row is the best we have (and the lower amount errs unsafe, so say so).
		row = norms[0];
		warnings.push(`The protected floor table starts on ${row.from}; it has no amounts for ${iso}.`);
	}
	if (day - parseIsoDate(row.from) > FLOOR_NORMS_STALE_AFTER_DAYS) {
		warnings.push(
			`The protected floor amounts date from ${row.from}; norms change every 1 January and 1 July. Update the table (Protected Floor Norms) from the official rekenhulp.`,
		);
	}
	const age = record.household?.age ?? (record.birthDate ? ageOn(record.birthDate, day) : undefined);
	if (age !== undefined && age >= 67) {
		warnings.push('The debtor may have reached the state pension age, where higher norms apply than this table holds; check the floor.');
	}
	return {
		composition,
		compositionAssumed: assumed,
		monthlyCents: row.amounts[composition],
		normFrom: row.from,
		approximate: row.approximate !== false,
		warnings,
	};
}

function ageOn(birthDate: string, day: DayNumber): number | undefined {
	const birth = parseIsoDate(birthDate);
	if (birth !== birth) return undefined;
	const [by, bm, bd] = birthDate.split('-').map(Number);
	const [y, m, d] = isoDate(day).split('-').map(Number);
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
