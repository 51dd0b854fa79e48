import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { AMSTERDAM, getDutchCalendar, parseMoment, type DutchCalendar, type IncomeCalendarOptions } from '../shared/calendar';
import type { Channel, Language } from '../shared/debtor/model';
import { assertDebtor, debtorFieldSelection } from '../shared/debtor/validate';
import { assumesUsualDesignatedDays } from '../shared/n8n/calendar';
import { routesInvalidItems, runPerItem } from '../shared/n8n/items';
import { INVALID_OUTPUT_VERSION, outputsWithInvalid } from '../shared/n8n/descriptions';
import { parameterPerItem, rememberLast } from '../shared/n8n/parameters';
import {
	DIRECT_DEBIT_FIELDS,
	LETTER_TERM_FIELDS,
	NEXT_CONTACT_FIELDS,
	SettingError,
	createScheduler,
	directDebitCollectionDate,
	fourteenDayLetterFor,
	localDayOf,
	nextContactMoment,
	type HoursRule,
	type LetterWording,
	type Scheduler,
	type SchedulingSettings,
} from '../shared/scheduling';
import { paydaySchedulerProperties } from './description';
import { channelOfItem, personaOfItem, startMomentOf } from './item';

/**
 * Output list for the chosen settings. Serialised into the description as an expression, so it must
 * be self-contained (no outside names): n8n evaluates it in the editor to draw the outputs.
 */
const configuredOutputs = (parameters: { notSchedulableOutput?: boolean }) => {
	const names = ['Scheduled'];
	if (parameters.notSchedulableOutput !== false) names.push('Not Schedulable');
	return names.map((name) => ({ type: 'main', displayName: name }));
};

export { configuredOutputs as paydaySchedulerOutputs };

type Operation = 'nextContactMoment' | 'directDebitCollectionDate' | 'fourteenDayLetterTerm';

/** The node's parameter groups, as n8n hands them over. */
export interface PaydaySchedulerParameters {
	saturdays?: boolean;
	contactHours?: { rule?: Array<{ channels?: Channel[]; days?: number[]; from?: string; until?: string }> };
	paydayAlignment?: { personas?: string[]; minWorkingDays?: number; maxWorkingDays?: number };
	incomeCalendar?: Omit<IncomeCalendarOptions, 'bijstandDayByMunicipality'>;
	bijstandMunicipalities?: { municipality?: Array<{ name?: string; dayOfMonth?: number }> };
	contactPressure?: { maxContactsPer7Days?: number; minHoursBetweenContacts?: number; minHoursSameChannel?: number; countInboundContacts?: boolean };
	directDebit?: { preNotificationDays?: number; collectionOffsetDays?: number; usePreferredCollectionDay?: boolean };
	letter?: { letterWording?: LetterWording; extendLetterTerm?: boolean };
	options?: { jitterMinutes?: number; stopPersonas?: string[]; horizonDays?: number; now?: string };
}

/** The node's parameters (in the units ops staff use) as scheduling settings; unset fields keep their defaults. */
export function settingsFromParameters(p: PaydaySchedulerParameters): Partial<SchedulingSettings> {
	const bijstandDayByMunicipality: Record<string, number> = {};
	for (const entry of p.bijstandMunicipalities?.municipality ?? []) {
		if (entry.name && entry.name.trim()) bijstandDayByMunicipality[entry.name.trim()] = entry.dayOfMonth ?? 28;
	}
	const hours: HoursRule[] = (p.contactHours?.rule ?? []).map((rule) => ({
		channels: rule.channels ?? [],
		days: rule.days ?? [],
		from: rule.from ?? '07:00',
		until: rule.until ?? '20:00',
	}));
	return {
		saturdays: p.saturdays,
		hours,
		paydayPersonas: p.paydayAlignment?.personas,
		paydayMinWorkingDays: p.paydayAlignment?.minWorkingDays,
		paydayMaxWorkingDays: p.paydayAlignment?.maxWorkingDays,
		maxContactsPer7Days: p.contactPressure?.maxContactsPer7Days,
		minHoursBetweenContacts: p.contactPressure?.minHoursBetweenContacts,
		minHoursSameChannel: p.contactPressure?.minHoursSameChannel,
		countInboundContacts: p.contactPressure?.countInboundContacts,
		jitterMinutes: p.options?.jitterMinutes,
		stopPersonas: p.options?.stopPersonas,
		horizonDays: p.options?.horizonDays,
		income: { ...(p.incomeCalendar ?? {}), bijstandDayByMunicipality },
		preNotificationDays: p.directDebit?.preNotificationDays,
		collectionOffsetDays: p.directDebit?.collectionOffsetDays,
		usePreferredCollectionDay: p.directDebit?.usePreferredCollectionDay,
		letterWording: p.letter?.letterWording,
		extendLetterTerm: p.letter?.extendLetterTerm,
	};
}

export class PaydayScheduler implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Payday Scheduler',
		name: 'paydayScheduler',
		icon: { light: 'file:paydayScheduler.svg', dark: 'file:paydayScheduler.dark.svg' },
		group: ['transform'],
		// 2: records it cannot use leave on an "Invalid" output by default (1 stopped the run).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ {"nextContactMoment": "next contact moment", "directDebitCollectionDate": "direct-debit date", "fourteenDayLetterTerm": "14-day letter term"}[$parameter["operation"]] || "next contact moment" }}',
		description:
			'Plans each contact just after payday and inside the legal contact window, direct debits on bank business days, and the 14-day letter term',
		defaults: { name: 'Payday Scheduler' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		properties: paydaySchedulerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0, 'nextContactMoment') as Operation;
		const separate = this.getNodeParameter('notSchedulableOutput', 0, true) as boolean;
		const language = this.getNodeParameter('language', 0, 'nl') as Language;
		const parameters: PaydaySchedulerParameters = {
			saturdays: this.getNodeParameter('saturdays', 0, true) as boolean,
			contactHours: this.getNodeParameter('contactHours', 0, {}) as PaydaySchedulerParameters['contactHours'],
			paydayAlignment: this.getNodeParameter('paydayAlignment', 0, {}) as PaydaySchedulerParameters['paydayAlignment'],
			incomeCalendar: this.getNodeParameter('incomeCalendar', 0, {}) as PaydaySchedulerParameters['incomeCalendar'],
			bijstandMunicipalities: this.getNodeParameter('bijstandMunicipalities', 0, {}) as PaydaySchedulerParameters['bijstandMunicipalities'],
			contactPressure: this.getNodeParameter('contactPressure', 0, {}) as PaydaySchedulerParameters['contactPressure'],
			directDebit: this.getNodeParameter('directDebit', 0, {}) as PaydaySchedulerParameters['directDebit'],
			letter: this.getNodeParameter('letter', 0, {}) as PaydaySchedulerParameters['letter'],
			options: this.getNodeParameter('options', 0, {}) as PaydaySchedulerParameters['options'],
		};
		const extraDesignatedDays = this.getNodeParameter('extraDesignatedDays', 0, '') as string;
		const assumeUsualDesignatedDays = assumesUsualDesignatedDays(this.getNodeParameter('assumeUsualDesignatedDays', 0, true));

		let calendar: DutchCalendar;
		try {
			calendar = getDutchCalendar({ extraDesignatedDays, assumeUsualDesignatedDays });
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Extra Designated Days: ${(error as Error).message}`, {
				description: 'Write the days as YYYY-MM-DD separated by commas, e.g. 2029-05-11, 2029-12-24.',
			});
		}
		let scheduler: Scheduler;
		try {
			scheduler = createScheduler({ settings: settingsFromParameters(parameters), calendar, language });
		} catch (error) {
			const setting = error instanceof SettingError ? error.setting : 'settings';
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				description: `Fix "${setting}" in the node settings.`,
			});
		}

		const timezone = this.getTimezone() || AMSTERDAM;
		const nowText = (parameters.options?.now ?? '').trim();
		const nowMs = nowText ? parseMoment(nowText, timezone) : Date.now();
		if (nowMs !== nowMs) {
			throw new NodeOperationError(this.getNode(), 'Options > Now (for Replays) is not a date-time', {
				description: 'Use an ISO date-time such as 2026-07-06T09:00:00+02:00, or leave it empty for the real time.',
			});
		}
		const startValueOf = parameterPerItem<unknown>(this, 'startMoment', '');
		const startMsOf = rememberLast((raw: unknown) => startMomentOf(raw, nowMs, timezone));
		const channelSource = operation === 'nextContactMoment' ? (this.getNodeParameter('channelSource', 0, 'item') as string) : 'fixed';
		const fixedChannel =
			operation === 'nextContactMoment' && channelSource === 'fixed' ? (this.getNodeParameter('channel', 0, 'email') as Channel) : 'email';
		// Each record is checked in the fields this operation reads (the channel also from preferredChannel).
		const fields = debtorFieldSelection(
			operation === 'directDebitCollectionDate'
				? DIRECT_DEBIT_FIELDS
				: operation === 'fourteenDayLetterTerm'
					? LETTER_TERM_FIELDS
					: [...NEXT_CONTACT_FIELDS, 'preferredChannel'],
		);

		const outputCount = separate ? 2 : 1;
		const invalidOutput = routesInvalidItems(this, INVALID_OUTPUT_VERSION) ? outputCount : undefined;
		return runPerItem(this, { outputCount: outputCount + (invalidOutput === undefined ? 0 : 1), invalidOutput }, (item, itemIndex) => {
			const record = assertDebtor(item.json, itemIndex, fields);
			const startMs = startMsOf(startValueOf(itemIndex));
			let schedule;
			if (operation === 'directDebitCollectionDate') {
				schedule = directDebitCollectionDate(record, localDayOf(startMs), scheduler);
			} else if (operation === 'fourteenDayLetterTerm') {
				schedule = fourteenDayLetterFor(record, localDayOf(startMs), scheduler);
			} else {
				const persona = personaOfItem(item.json);
				const channel = channelSource === 'fixed' ? fixedChannel : channelOfItem(item.json);
				schedule = nextContactMoment(record, { startMs, nowMs, channel, persona }, scheduler);
			}
			const output = separate && schedule.status !== 'scheduled' ? 1 : 0;
			return { output, key: 'schedule', value: schedule };
		});
	}
}
