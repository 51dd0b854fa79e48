import type { INodeProperties } from 'n8n-workflow';

import { INVALID_OUTPUT_VERSION, invalidRecordsProperty, reasonsLanguageProperty, referenceDateProperty, usualDesignatedDaysProperty } from '../shared/n8n/descriptions';

// Defaults are literals (the linter wants them so); a node test checks they equal the domain defaults.

export const journeyPlannerProperties: INodeProperties[] = [
	{
		displayName: 'Outputs',
		name: 'routing',
		type: 'options',
		noDataExpression: true,
		default: 'single',
		options: [
			{ name: 'Single Output', value: 'single', description: 'Every debtor on one output; read the decision under "journey"' },
			{
				name: 'Step Due / No Step',
				value: 'split',
				description: 'Debtors with a step due today on the first output, the rest (paid, paused, stopped, finished, waiting) on the second',
			},
		],
		description: 'How debtors leave the node. The decision is always added under "journey".',
	},
	invalidRecordsProperty(INVALID_OUTPUT_VERSION),
	referenceDateProperty('The day to plan for (YYYY-MM-DD). Empty means today in the workflow time zone. Set it to replay a past day.'),
	reasonsLanguageProperty(),
	{
		displayName: 'Ladders (JSON)',
		name: 'ladders',
		type: 'json',
		default: '{}',
		description:
			'Your own ladders per persona, e.g. {"forgetful": [{"stage": "reminder-1", "days": 3, "channels": ["email"]}, {"stage": "fourteen-day-letter", "days": 10}]}. Personas left out keep the built-in ladder (see the docs). Step settings: stage, days, from ("due" or "previous"), channels, tone, person, afterPayday.',
	},
	{
		displayName: 'Debt Help Pause (Days)',
		name: 'debtHelpPauseDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 0, maxValue: 365 },
		description: 'How long collection rests after the debtor accepted debt help (flags.debtHelpSince). The law allows up to 30 days.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Arrangement Field',
				name: 'arrangementField',
				type: 'string',
				default: 'arrangement',
				description:
					'Where the item holds the agreed arrangement plan, as a path (e.g. arrangement or arrangement.plan). Used when flags.arrangementActive is set.',
			},
			usualDesignatedDaysProperty,
			{
				displayName: 'Extend Letter Term Past Weekend or Holiday',
				name: 'extendTerm',
				type: 'boolean',
				default: true,
				description: 'Whether a 14-day term ending on a Saturday, Sunday or holiday ends on the next working day (the careful choice)',
			},
			{
				displayName: 'Extra Designated Days',
				name: 'extraDesignatedDays',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2029-05-11, 2029-12-24',
				description: 'Days the government designated as equal to a general holiday, on top of the built-in list',
			},
			{
				displayName: 'Handover After Final Notice (Days)',
				name: 'handoverAfterDays',
				type: 'number',
				default: 14,
				typeOptions: { minValue: 0 },
				description: 'Days after an unpaid final notice before the decision says "handover"',
			},
			{
				displayName: 'Instalment Grace Days',
				name: 'instalmentGraceDays',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Days after an instalment\'s due date before it counts as missed',
			},
			{
				displayName: 'Instalment Reminder (Days Before)',
				name: 'instalmentReminderDays',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 0 },
				description: 'How many days before each instalment the reminder goes out',
			},
			{
				displayName: 'Look Ahead for the Next Review Date (Days)',
				name: 'lookAheadDays',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 366 },
				description:
					'0 = off. Adds journey.nextReviewDate: the first later day on which the plan may differ while the record stays the same (a step falls due, a term or pause ends, the segmentation changes), found by planning the following days up to this many. Empty when only a change of the record can bring new work (paid, stopped). Set the Debtor Segmenter\'s look-ahead too: without a review date on the segmentation the next review is tomorrow. The Postgres daily journey uses it to load only the debtors whose day has come.',
			},
			{
				displayName: 'Municipality Signal',
				name: 'municipalitySignal',
				type: 'boolean',
				default: true,
				description: 'Whether to check the legal early-warning signal to the municipality (rent, health insurance, energy, heat, water)',
			},
			{
				displayName: 'Municipality Signal After (Days)',
				name: 'municipalitySignalAfterDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description: 'Days between the written reminder that offered to share contact details and the signal',
			},
			{
				displayName: 'Municipality Signalled On',
				name: 'municipalitySignalledOn',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.municipalitySignalledOn }}',
				description: 'Date a signal was already passed for these arrears (YYYY-MM-DD), so it is not passed twice',
			},
			{
				displayName: 'Reversal Notice Within (Days)',
				name: 'reversalNoticeDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 0 },
				description: 'A direct debit returned within this many days gets one reversal notice; 0 switches it off',
			},
			{
				displayName: 'Thank-You Within (Days)',
				name: 'thankYouWithinDays',
				type: 'number',
				default: 14,
				typeOptions: { minValue: 0 },
				description: 'Thank a debtor for a payment after the last step at most this many days after it; 0 switches it off',
			},
		],
	},
];
