import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getDutchCalendar, type DutchCalendar } from '../shared/calendar';
import { LANGUAGES, STAGES, type Language, type Stage } from '../shared/debtor/model';
import { assertDebtor } from '../shared/debtor/validate';
import {
	MESSAGE_CHANNELS,
	REGISTERS,
	TONES,
	MIN_TEXT_CONTRAST,
	TemplateLibrary,
	brandColourContrastWarning,
	composeMessage,
	contrastWithWhite,
	prepareCustomTemplates,
	resolveBrand,
	resolveSelection,
	type BankSettings,
	type BrandSettings,
	type ComposeOptions,
	type CustomTemplateSet,
	type CustomTemplateSource,
	type MessageChannel,
	type MunicipalityOfferMode,
	type QrImageMode,
	type Register,
	type ResolvedBrand,
	type Tone,
} from '../shared/messages';
import { assumesUsualDesignatedDays } from '../shared/n8n/calendar';
import { routesInvalidItems, runPerItem } from '../shared/n8n/items';
import { INVALID_OUTPUT_VERSION, outputsWithInvalid } from '../shared/n8n/descriptions';
import { parameterPerItem } from '../shared/n8n/parameters';
import { referenceDayPerItem } from '../shared/n8n/referenceDay';
import { toneTemplateProperties } from './description';
import { GENERATED_LIBRARY, GENERATED_SPECS } from './generated/library';

interface Options {
	assumeUsualDesignatedDays?: boolean;
	creditorCanDeductVat?: boolean;
	daysToPay?: number;
	defaultChannel?: MessageChannel;
	defaultLanguage?: Language;
	defaultRegister?: Register;
	defaultTone?: Tone;
	extraDesignatedDays?: string;
	municipalityOffer?: MunicipalityOfferMode;
	objectionDays?: number;
	qrImage?: QrImageMode;
	smsGsm7?: boolean;
	vatRatePercent?: number;
}

// One runtime for the precompiled library per process: templates are turned into functions once.
let library: TemplateLibrary | undefined;
function templateLibrary(): TemplateLibrary {
	if (library === undefined) library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);
	return library;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Outputs: one, unnamed as version 1 drew it; named "Message" beside "Invalid". Serialised into the
 * description as an expression, so it must be self-contained.
 */
const configuredOutputs = (parameters: Record<string, unknown>, invalid: boolean) => (invalid ? [{ type: 'main', displayName: 'Message' }] : ['main']);

/**
 * The editor's warning while the Primary Colour is set: shown when white has too little contrast
 * with it (the same function a run uses, serialised into the expression).
 */
export const LOW_CONTRAST_HINT = {
	message: `The Primary Colour has too little contrast with white for WCAG 2.1 AA (at least ${MIN_TEXT_CONTRAST}:1): the button text and links of the e-mails and letters are hard to read. Choose a darker colour; a run names one that passes.`,
	type: 'warning' as const,
	location: 'ndv' as const,
	whenToDisplay: 'always' as const,
	displayCondition: `={{ (${contrastWithWhite.toString()})($parameter.brand?.primaryColour ?? '#1f5f8b') < ${MIN_TEXT_CONTRAST} }}`,
};

/** A value or an Error, so a failure can be thrown outside the catch (n8n lint rule). */
function attempt<T>(run: () => T): T | Error {
	try {
		return run();
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

export class ToneTemplate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tone Template',
		name: 'toneTemplate',
		icon: { light: 'file:toneTemplate.svg', dark: 'file:toneTemplate.dark.svg' },
		group: ['transform'],
		// 2: records it cannot use leave on an "Invalid" output by default (1 stopped the run).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{($parameter["stage"] === "item" ? "stage from item" : $parameter["stage"]) + " · " + ($parameter["channel"] === "item" ? "channel from item" : $parameter["channel"])}}',
		description:
			'Writes the message for a stage in the right tone, register and language, in plain language: amount, date and one action first, how to pay and how to get help',
		defaults: { name: 'Tone Template' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		properties: toneTemplateProperties,
		hints: [LOW_CONTRAST_HINT],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const brandValues = this.getNodeParameter('brand', 0, {}) as BrandSettings;
		const bankValues = this.getNodeParameter('bank', 0, {}) as BankSettings;
		const options = this.getNodeParameter('options', 0, {}) as Options;
		const templates = (this.getNodeParameter('customTemplates', 0, {}) as { template?: CustomTemplateSource[] }).template ?? [];

		const brand = attempt(() => resolveBrand(brandValues, bankValues));
		if (brand instanceof Error) {
			throw new NodeOperationError(node, brand.message, { description: 'Fix the setting under "Brand" or "Bank Transfer" in the node.' });
		}
		// A colour that is hard to read is allowed (it is the creditor's house style) but said out loud.
		const contrastWarning = brandColourContrastWarning((brand as ResolvedBrand).brandColour);
		if (contrastWarning !== null) this.addExecutionHints({ message: contrastWarning, type: 'warning', location: 'outputPane' });
		const calendar = attempt(() =>
			getDutchCalendar({
				...(options.extraDesignatedDays ? { extraDesignatedDays: options.extraDesignatedDays } : {}),
				assumeUsualDesignatedDays: assumesUsualDesignatedDays(options.assumeUsualDesignatedDays),
			}),
		);
		if (calendar instanceof Error) throw new NodeOperationError(node, `Extra Designated Days: ${calendar.message}`);

		let custom: CustomTemplateSet | Error;
		try {
			custom = await prepareCustomTemplates(templates);
		} catch (error) {
			custom = error instanceof Error ? error : new Error(String(error));
		}
		if (custom instanceof Error) {
			throw new NodeOperationError(node, custom.message, { description: 'Fix the template under "Custom Templates". Keep template fields Fixed, not Expression.' });
		}

		const composeOptions: ComposeOptions = {
			brand: brand as ResolvedBrand,
			calendar: calendar as DutchCalendar,
			daysToPay: options.daysToPay ?? 7,
			objectionDays: options.objectionDays ?? 14,
			creditorCanDeductVat: options.creditorCanDeductVat ?? true,
			vatRatePercent: options.vatRatePercent ?? 21,
			qrImage: oneOf(options.qrImage, ['inline', 'attachment', 'none'] as const, 'inline'),
			municipalityOffer: oneOf(options.municipalityOffer, ['auto', 'always', 'never'] as const, 'auto'),
			smsGsm7: options.smsGsm7 ?? true,
			custom: custom.size > 0 ? custom : undefined,
		};
		const defaults = {
			defaultTone: oneOf(options.defaultTone, TONES, 'neutral'),
			defaultRegister: oneOf(options.defaultRegister, REGISTERS, 'u'),
			defaultLanguage: oneOf(options.defaultLanguage, LANGUAGES, 'nl'),
			defaultChannel: oneOf(options.defaultChannel, MESSAGE_CHANNELS, 'email'),
		};
		const stageOf = parameterPerItem<string>(this, 'stage', 'item');
		const channelOf = parameterPerItem<string>(this, 'channel', 'item');
		const toneOf = parameterPerItem<string>(this, 'tone', 'item');
		const languageOf = parameterPerItem<string>(this, 'language', 'item');
		const registerOf = parameterPerItem<string>(this, 'register', 'item');
		const referenceDayOf = referenceDayPerItem(this);
		const lib = templateLibrary();

		const invalidOutput = routesInvalidItems(this, INVALID_OUTPUT_VERSION) ? 1 : undefined;
		return runPerItem(this, { outputCount: invalidOutput === undefined ? 1 : 2, invalidOutput }, (item, i) => {
			const record = assertDebtor(item.json, i);
			const referenceDay = referenceDayOf(i);
			const json = item.json as Record<string, unknown>;
			const parts = {
				record,
				segmentation: json.segmentation,
				journey: json.journey,
				schedule: json.schedule,
				costs: json.costs,
				arrangement: json.arrangement,
				messageData: json.messageData,
			};
			const selection = resolveSelection(
				{
					stage: oneOf<Stage | 'item'>(stageOf(i), [...STAGES, 'item'], 'item'),
					channel: oneOf<MessageChannel | 'item'>(channelOf(i), [...MESSAGE_CHANNELS, 'item'], 'item'),
					tone: oneOf<Tone | 'item'>(toneOf(i), [...TONES, 'item'], 'item'),
					language: oneOf<Language | 'item'>(languageOf(i), [...LANGUAGES, 'item'], 'item'),
					register: oneOf<Register | 'item'>(registerOf(i), [...REGISTERS, 'item'], 'item'),
					...defaults,
				},
				parts,
			);
			const message = composeMessage(lib, selection, { ...parts, referenceDay }, composeOptions);
			return { output: 0, key: 'message', value: message };
		});
	}
}
