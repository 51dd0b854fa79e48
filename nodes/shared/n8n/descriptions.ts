/**
 * Node settings that several nodes show, declared once (as n8n's Stripe node does in
 * descriptions/SharedFields.ts) so their names, defaults and options cannot drift apart. The value
 * lists come from the debtor model; only the display names are added here.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DECREED_YEARS } from '../calendar';
import { LANGUAGES, type CreditorSector, type Language } from '../debtor/model';
import { PERSONA_LABELS, type Persona } from '../segmentation/personas';

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch', en: 'English' };

/** Dutch and English, in the order of LANGUAGES (alphabetical by name, as the linter wants). */
export const languageOptions: INodePropertyOptions[] = LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value }));

/**
 * The creditor sectors with their display names, in the order the Segmenter has always shown them.
 * Typed by the model's CreditorSector: a sector added to CREDITOR_SECTORS fails the type check here.
 */
const SECTOR_NAMES: Record<CreditorSector, string> = {
	'credit-agreement': 'Credit Agreement',
	water: 'Drinking Water',
	energy: 'Energy',
	'health-insurance': 'Health Insurance',
	heat: 'Heat',
	other: 'Other',
	rent: 'Rent',
	retail: 'Retail',
	telecom: 'Telecom',
	'utility-other': 'Other Utility',
};

export const sectorOptions: INodePropertyOptions[] = (Object.keys(SECTOR_NAMES) as CreditorSector[]).map((value) => ({
	name: SECTOR_NAMES[value],
	value,
}));

/** The personas by their display names (PERSONA_LABELS, also the Segmenter's outputs), alphabetical. */
export const personaOptions: INodePropertyOptions[] = (Object.keys(PERSONA_LABELS) as Persona[])
	.map((value) => ({ name: PERSONA_LABELS[value], value }))
	.sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** "Reference Date": the day a node works as of; `description` says what the day is for in that node. */
export function referenceDateProperty(description: string): INodeProperties {
	return { displayName: 'Reference Date', name: 'referenceDate', type: 'string', default: '', placeholder: 'e.g. 2026-06-30', description };
}

/** The years the built-in decrees cover, as ranges: "2023-2028". */
function decreedYearsText(): string {
	const ranges: string[] = [];
	for (let k = 0; k < DECREED_YEARS.length; k++) {
		const first = DECREED_YEARS[k];
		while (k + 1 < DECREED_YEARS.length && DECREED_YEARS[k + 1] === DECREED_YEARS[k] + 1) k++;
		ranges.push(first === DECREED_YEARS[k] ? `${first}` : `${first}-${DECREED_YEARS[k]}`);
	}
	return ranges.join(', ');
}

/**
 * "Assume Usual Designated Days (No Decree Yet)": the calendar's careful default
 * (getDutchCalendar's assumeUsualDesignatedDays), shown next to Extra Designated Days on every node
 * that has that setting.
 */
export const usualDesignatedDaysProperty: INodeProperties = {
	displayName: 'Assume Usual Designated Days (No Decree Yet)',
	name: 'assumeUsualDesignatedDays',
	type: 'boolean',
	default: true,
	description: `Whether, in years the built-in government decrees do not cover (they cover ${decreedYearsText()}), the days such decrees usually designate count as designated days too: the Friday after Ascension Day; the Monday before New Year's Day, King's Day, Liberation Day or Christmas Day when that day is a Tuesday; the Friday after New Year's Day, King's Day, Liberation Day or Boxing Day when that day is a Thursday. No contact on them, and they count as holidays for terms. The careful choice. Years a decree covers follow the decree only.`,
};

/** "Language of Reasons" of the nodes that explain their decisions. */
export function reasonsLanguageProperty(description = 'Language of the reasons that explain each decision'): INodeProperties {
	return { displayName: 'Language of Reasons', name: 'language', type: 'options', default: 'nl', options: languageOptions, description };
}

/**
 * The node version from which the nodes that read a debtor record (the Segmenter had it from the
 * start) send items they cannot use to an "Invalid" output by default. Workflows saved with an older
 * version keep that version's outputs and stop on such an item, as before.
 */
export const INVALID_OUTPUT_VERSION = 2;

/**
 * "Invalid Records": where items the node cannot use go. One design for every node that reads a
 * debtor record; `sinceVersion` shows it from that node version on (for nodes that gained it later).
 */
export function invalidRecordsProperty(sinceVersion?: number): INodeProperties {
	return {
		displayName: 'Invalid Records',
		name: 'invalidRecords',
		type: 'options',
		noDataExpression: true,
		default: 'route',
		options: [
			{
				name: 'Send to "Invalid" Output',
				value: 'route',
				description: 'Records that break the debtor schema (or items the node cannot read) leave on their own output with the error; the others go on',
			},
			{
				name: 'Stop the Workflow',
				value: 'fail',
				description: 'The first invalid record stops the node with its item index, debtor ID and field (unless "On Error" says otherwise)',
			},
		],
		description:
			'What happens to records that do not match the debtor schema in the fields this node checks (missing fields, impossible dates, amounts beyond EUR 999,999,999.99, texts that are too long)',
		...(sinceVersion === undefined ? {} : { displayOptions: { show: { '@version': [{ _cnd: { gte: sinceVersion } }] } } }),
	};
}

/**
 * The outputs expression of a node that gained the "Invalid" output in `sinceVersion`: the node's own
 * outputs (`own(parameters, invalid)`: 'main' or `{ type: 'main', displayName }` each, as that version
 * drew them), then "Invalid" when the version has it and "Invalid Records" routes (the default).
 * `own` is serialised into the expression, so it must be self-contained (no outside names): n8n
 * evaluates it in the editor and at run time, with the node's version, to draw and wire the outputs.
 */
export function outputsWithInvalid(own: (parameters: never, invalid: boolean) => unknown[], sinceVersion: number): `={{${string}}}` {
	const invalid = `version >= ${sinceVersion} && (parameters.invalidRecords || 'route') === 'route'`;
	return `={{((version, parameters) => ((own, invalid) => invalid ? own(parameters, true).concat([{ type: 'main', displayName: 'Invalid' }]) : own(parameters, false))(${own}, ${invalid}))($nodeVersion, $parameter)}}`;
}
