/**
 * Node settings that several nodes show, declared once (as n8n's Stripe node does in
 * descriptions/SharedFields.ts) so their names, defaults and options cannot drift apart. The value
 * lists come from the debtor model; only the display names are added here.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

/** "Language of Reasons" of the nodes that explain their decisions. */
export function reasonsLanguageProperty(description = 'Language of the reasons that explain each decision'): INodeProperties {
	return { displayName: 'Language of Reasons', name: 'language', type: 'options', default: 'nl', options: languageOptions, description };
}
