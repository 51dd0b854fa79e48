/**
 * The one validation module every node uses for debtor records. The JSON Schema is the contract;
 * a few rules that JSON Schema cannot express (IBAN check digits, open amount above principal,
 * due date before invoice date) are checked here as well.
 *
 * Problems name the field ("claims[2].dueDate") and never echo the value: values are personal data
 * and error messages end up in logs and execution data.
 */
import type { CheckedDates } from '../calendar/checkedDates';
import { MAX_STATABLE_CENTS, STATABLE_LIMIT_TEXT } from '../money';
import { isValidIban } from './iban';
import type { DebtorRecord } from './model';
import {
	ALL_DEBTOR_FIELDS,
	checkDebtorFields,
	DEBTOR_OBJECTS,
	REQUIRED_DEBTOR_FIELDS,
	reportDebtorSchema,
	type DebtorFieldPath,
	type SchemaError,
} from './debtorCheck.generated';

/** A field a node can select: `claims` (with all it holds) or `claims.dueDate` (that field of every claim). */
export type DebtorField = DebtorFieldPath;

/** Which fields validateDebtor checks: one mask per object of the record (see debtorFieldSelection). */
export type DebtorFieldSelection = Int32Array;

const OBJECT_SLOTS = new Map(DEBTOR_OBJECTS.map((object, slot) => [object.path, slot]));

/** Where a field sits in a selection: the slot of its object and the field's bit in that mask. */
interface FieldSlot {
	slot: number;
	bit: number;
}

/**
 * The slot and bit of each step of a dotted path (`claims`, then `claims.dueDate`), as far as the
 * schema describes it: the steps stop at the first part the schema does not know.
 */
function fieldSteps(path: string): FieldSlot[] {
	const steps: FieldSlot[] = [];
	let object = '';
	for (const part of path.split('.')) {
		const slot = OBJECT_SLOTS.get(object);
		const bit = slot === undefined ? -1 : DEBTOR_OBJECTS[slot].fields.indexOf(part);
		if (slot === undefined || bit < 0) break;
		steps.push({ slot, bit: 2 ** bit });
		object = object ? `${object}.${part}` : part;
	}
	return steps;
}

/**
 * The longest start of a dotted path that is a field of the record (`household.adults` of
 * `household.adults.x`), or undefined when even its first part is not.
 */
export function debtorFieldWithin(path: string): DebtorField | undefined {
	const known = fieldSteps(path).length;
	return known === 0 ? undefined : (path.split('.').slice(0, known).join('.') as DebtorField);
}

/** Whether `path` names a field of the record, an object in it or the items of a list (`claims.dueDate`). */
export function isDebtorField(path: string): path is DebtorField {
	return fieldSteps(path).length === path.split('.').length;
}

/**
 * The fields a node reads, as a selection for validateDebtor. A node checks what it acts on: a record
 * is refused for a broken field the node uses, never for one it does not look at (the node that reads
 * that field names it). `claims` selects the claims with everything in them; `claims.dueDate` selects
 * that field of every claim (and the list itself). The debtor id is always checked.
 */
export function debtorFieldSelection(fields: readonly DebtorField[]): DebtorFieldSelection {
	const selection = new Int32Array(DEBTOR_OBJECTS.length);
	for (const field of fields) {
		if (!isDebtorField(field)) throw new Error(`"${field}" is not a field of the debtor record`);
		for (const { slot, bit } of fieldSteps(field)) selection[slot] |= bit;
		// A field that is an object, or a list of objects, brings all it holds.
		DEBTOR_OBJECTS.forEach((object, slot) => {
			if (object.path === field || object.path.startsWith(`${field}.`)) selection[slot] = ALL_DEBTOR_FIELDS[slot];
		});
	}
	return selection;
}

/** Whether every step is in the selection (the record's required fields always are). */
function holds(selection: DebtorFieldSelection, steps: readonly FieldSlot[]): boolean {
	for (const { slot, bit } of steps) {
		const mask = slot === 0 ? selection[0] | REQUIRED_DEBTOR_FIELDS : selection[slot];
		if ((mask & bit) === 0) return false;
	}
	return true;
}

/** Whether a problem's field (`claims[2].dueDate`, `(record)`) lies in the selection; unknown parts do. */
function selected(field: string, selection: DebtorFieldSelection): boolean {
	return selection === ALL_DEBTOR_FIELDS || holds(selection, fieldSteps(field.replace(/\[\d+\]/g, '')));
}

export interface FieldProblem {
	/** Path of the field in the record, e.g. `claims[2].dueDate`; `(record)` for the record itself. */
	field: string;
	message: string;
}

function pathToField(instancePath: string, extra?: string): string {
	const parts = instancePath.split('/').filter(Boolean);
	if (extra) parts.push(extra);
	if (parts.length === 0) return '(record)';
	return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '');
}

const PATTERN_MESSAGES: Record<string, string> = {
	iban: 'is not an IBAN (country code, check digits and account, no spaces)',
	mobile: 'must be a phone number in E.164 form, e.g. +31612345678',
	phone: 'must be a phone number in E.164 form, e.g. +31201234567',
	reasonCode: 'must be a SEPA reason code such as AM04 or MD07',
	language: 'must be a two-letter language code such as nl or en',
	country: 'must be a two-letter country code such as NL',
};

/**
 * The pattern every date and moment of the schema carries besides its format: the years 1900-2199.
 * Beyond them a date is a typo (9999-12-31 for "no end"), and the calendar's terms and holidays would
 * run past what it can count; within them every rule of the package answers (a test holds each date
 * field of the schema to this pattern).
 */
export const RECORD_YEARS_PATTERN = '^(19|20|21)[0-9]{2}-';
const RECORD_YEARS_MESSAGE = 'must be a date in the years 1900-2199';

/** What a cents field above the schema's maximum is told: the amount a message can state. */
const AMOUNT_MAXIMUM_MESSAGE = `must be at most ${MAX_STATABLE_CENTS} cents (${STATABLE_LIMIT_TEXT})`;

const FORMAT_MESSAGES: Record<string, string> = {
	date: 'is not a valid calendar date (YYYY-MM-DD)',
	'date-time': 'is not a valid ISO 8601 date-time with time zone offset, e.g. 2026-03-02T09:15:00+01:00',
	email: 'is not a valid e-mail address',
};

function describe(error: SchemaError): FieldProblem {
	const lastSegment = error.instancePath.split('/').pop() ?? '';
	const isAmount = /Cents$/.test(lastSegment);
	switch (error.keyword) {
		case 'required': {
			const missing = (error.params as { missingProperty: string }).missingProperty;
			return { field: pathToField(error.instancePath, missing), message: 'is required but missing' };
		}
		case 'type': {
			const type = (error.params as { type: string }).type;
			const message = isAmount
				? 'must be a whole number of euro cents (e.g. 12550 for EUR 125,50)'
				: `must be ${type === 'integer' ? 'a whole number' : type === 'object' ? 'an object' : type === 'array' ? 'a list' : `a ${type}`}`;
			return { field: pathToField(error.instancePath), message };
		}
		case 'minimum': {
			const limit = (error.params as { limit: number }).limit;
			const message = isAmount
				? limit === 0
					? 'must not be negative'
					: 'must be more than zero'
				: `must be at least ${limit}`;
			return { field: pathToField(error.instancePath), message };
		}
		case 'maximum': {
			const limit = (error.params as { limit: number }).limit;
			return { field: pathToField(error.instancePath), message: isAmount && limit === MAX_STATABLE_CENTS ? AMOUNT_MAXIMUM_MESSAGE : `must be at most ${limit}` };
		}
		case 'format': {
			const format = (error.params as { format: string }).format;
			return { field: pathToField(error.instancePath), message: FORMAT_MESSAGES[format] ?? `is not a valid ${format}` };
		}
		case 'enum': {
			const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
			return { field: pathToField(error.instancePath), message: `must be one of: ${allowed.join(', ')}` };
		}
		case 'pattern':
			return {
				field: pathToField(error.instancePath),
				message: (error.params as { pattern: string }).pattern === RECORD_YEARS_PATTERN ? RECORD_YEARS_MESSAGE : (PATTERN_MESSAGES[lastSegment] ?? 'has an unexpected form'),
			};
		case 'minLength':
			return { field: pathToField(error.instancePath), message: 'must not be empty' };
		case 'maxLength':
			return {
				field: pathToField(error.instancePath),
				message: `must be at most ${(error.params as { limit: number }).limit} characters`,
			};
		default:
			return { field: pathToField(error.instancePath), message: 'is not valid' };
	}
}

// The fields each rule that JSON Schema cannot express compares: it applies when all are selected.
const IBAN_FIELDS = fieldSteps('iban');
const OPEN_TOTAL_FIELDS = fieldSteps('claims.openCents');
const OPEN_ABOVE_PRINCIPAL_FIELDS = [...fieldSteps('claims.openCents'), ...fieldSteps('claims.principalCents')];
const DUE_BEFORE_INVOICE_FIELDS = [...fieldSteps('claims.dueDate'), ...fieldSteps('claims.invoiceDate')];

/** The answer for a record without problems, one for all (it cannot be changed). */
const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/**
 * Rules JSON Schema cannot express, each when the fields it compares are selected. Defensive: also
 * runs on records that failed the schema.
 */
function businessRules(record: DebtorRecord, selection: DebtorFieldSelection): readonly FieldProblem[] {
	// Made only when there is a problem: a valid record (nearly all of 100,000 a run) leaves no garbage.
	let problems: FieldProblem[] | undefined;
	if (holds(selection, IBAN_FIELDS) && typeof record.iban === 'string' && !isValidIban(record.iban)) {
		problems = [{ field: 'iban', message: 'has wrong check digits (not a valid IBAN)' }];
	}
	const claims: unknown = record.claims;
	const openAbovePrincipal = holds(selection, OPEN_ABOVE_PRINCIPAL_FIELDS);
	const dueBeforeInvoice = holds(selection, DUE_BEFORE_INVOICE_FIELDS);
	const openTotal = holds(selection, OPEN_TOTAL_FIELDS);
	if (!(openAbovePrincipal || dueBeforeInvoice || openTotal) || !Array.isArray(claims)) return problems ?? NO_PROBLEMS;
	let openCents = 0;
	for (let index = 0; index < claims.length; index++) {
		const claim = claims[index] as Partial<Record<string, unknown>> | null;
		if (claim === null || typeof claim !== 'object') continue;
		// A claim beyond the bound is the schema's to report; the sum is of those within it.
		if (typeof claim.openCents === 'number' && claim.openCents <= MAX_STATABLE_CENTS) openCents += claim.openCents;
		if (
			openAbovePrincipal &&
			typeof claim.openCents === 'number' &&
			typeof claim.principalCents === 'number' &&
			claim.openCents > claim.principalCents
		) {
			(problems ??= []).push({ field: `claims[${index}].openCents`, message: 'is more than the principal of the claim' });
		}
		if (dueBeforeInvoice && typeof claim.dueDate === 'string' && typeof claim.invoiceDate === 'string' && claim.dueDate < claim.invoiceDate) {
			(problems ??= []).push({ field: `claims[${index}].dueDate`, message: 'lies before the invoice date' });
		}
	}
	// Each claim is bounded by the schema; what messages state is their sum (the open amount).
	if (openTotal && openCents > MAX_STATABLE_CENTS) {
		(problems ??= []).push({ field: 'claims', message: `are open for more than ${STATABLE_LIMIT_TEXT}, added up` });
	}
	return problems ?? NO_PROBLEMS;
}

/**
 * All problems of a record in the selected fields (default: all; see debtorFieldSelection); an empty
 * list means the record is valid there. When `dates` is given, the dates and moments the check reads
 * are left there for the next reader of the same record (see CheckedDates).
 */
export function validateDebtor(record: unknown, fields: DebtorFieldSelection = ALL_DEBTOR_FIELDS, dates?: CheckedDates): readonly FieldProblem[] {
	// The generated check answers valid/invalid fast; only invalid records pay for the generated report
	// of every problem (the schema's errors as ajv would report them, worded here).
	if (dates !== undefined) dates.startRecord();
	if (checkDebtorFields(record, fields, dates)) return businessRules(record as DebtorRecord, fields);
	const errors = reportDebtorSchema(record);
	// Defensive: the report is empty exactly when the check passes every field.
	if (errors.length === 0) return businessRules(record as DebtorRecord, fields);
	const seen = new Set<string>();
	const all: FieldProblem[] = [];
	for (const error of errors) {
		const problem = describe(error);
		const key = `${problem.field}|${problem.message}`;
		if (!seen.has(key)) {
			seen.add(key);
			all.push(problem);
		}
	}
	// "2026-13-45" breaks the format and the years both; the format says it better.
	const formatBroken = new Set(all.filter((problem) => problem.message === FORMAT_MESSAGES.date || problem.message === FORMAT_MESSAGES['date-time']).map((problem) => problem.field));
	// The report covers every field; keep those the node reads. Never none: the fast check refused the record.
	const inSelection = all.filter((problem) => selected(problem.field, fields) && !(problem.message === RECORD_YEARS_MESSAGE && formatBroken.has(problem.field)));
	const problems = inSelection.length > 0 ? inSelection : all;
	if (record && typeof record === 'object' && !Array.isArray(record)) {
		// Business rules only on the parts that passed the schema, so they never trip over a wrong type.
		const failed = new Set(problems.map((problem) => problem.field));
		for (const problem of businessRules(record as DebtorRecord, fields)) {
			if (![...failed].some((field) => problem.field.startsWith(field.split('.')[0]))) problems.push(problem);
		}
	}
	return problems;
}

/** The debtor id of a record for messages, or undefined when the record has none usable. */
export function debtorIdOf(record: unknown): string | undefined {
	if (record && typeof record === 'object' && 'debtorId' in record) {
		const id = (record as { debtorId: unknown }).debtorId;
		if (typeof id === 'string' && id.length > 0) return id.slice(0, 100);
	}
	return undefined;
}

/**
 * A record that failed validation. The message names the item index, the debtor id and the first
 * field at fault; `problems` lists them all.
 */
export class DebtorValidationError extends Error {
	readonly itemIndex: number;
	readonly debtorId: string | undefined;
	readonly field: string;
	readonly problems: readonly FieldProblem[];

	constructor(itemIndex: number, debtorId: string | undefined, problems: readonly FieldProblem[]) {
		const first = problems[0] ?? { field: '(record)', message: 'is not valid' };
		const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
		super(
			`Item ${itemIndex}${debtorId ? ` (debtor ${debtorId})` : ''}: field "${first.field}" ${first.message}${more}`,
		);
		this.name = 'DebtorValidationError';
		this.itemIndex = itemIndex;
		this.debtorId = debtorId;
		this.field = first.field;
		this.problems = problems;
	}
}

/**
 * Validates the selected fields (default: all; see debtorFieldSelection) and returns the record typed,
 * or throws a DebtorValidationError for that item. `dates`: see validateDebtor.
 */
export function assertDebtor(record: unknown, itemIndex: number, fields: DebtorFieldSelection = ALL_DEBTOR_FIELDS, dates?: CheckedDates): DebtorRecord {
	const problems = validateDebtor(record, fields, dates);
	if (problems.length > 0) throw new DebtorValidationError(itemIndex, debtorIdOf(record), problems);
	return record as DebtorRecord;
}
