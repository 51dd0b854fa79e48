import type { INodeProperties } from 'n8n-workflow';

import { reasonsLanguageProperty } from '../shared/n8n/descriptions';

// Defaults here are literals (the linter wants them so); a node test checks they equal
// DEFAULT_SCHEDULING_SETTINGS and DEFAULT_INCOME_CALENDAR_OPTIONS, the one home of the defaults.

const CONTACT_OPERATION = { show: { operation: ['nextContactMoment'] } };
const NOT_LETTER = { hide: { operation: ['fourteenDayLetterTerm'] } };

const channelOptions = [
	{ name: 'E-Mail', value: 'email' },
	{ name: 'Letter', value: 'letter' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

const weekdayOptions = [
	{ name: 'Friday', value: 5 },
	{ name: 'Monday', value: 1 },
	{ name: 'Saturday', value: 6 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
];

const personaOptions = [
	{ name: 'Can Pay, Won’t Pay', value: 'can-pay-wont-pay' },
	{ name: 'Current', value: 'current' },
	{ name: 'Debt Help', value: 'debt-help' },
	{ name: 'Deceased', value: 'deceased' },
	{ name: 'Dispute', value: 'dispute' },
	{ name: 'Forgetful', value: 'forgetful' },
	{ name: 'Overwhelmed', value: 'overwhelmed' },
	{ name: 'Structural Shortfall', value: 'structural-shortfall' },
	{ name: 'Temporary Shortfall', value: 'temporary-shortfall' },
	{ name: 'Vulnerable', value: 'vulnerable' },
];

export const paydaySchedulerProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'nextContactMoment',
		options: [
			{
				name: '14-Day Letter Term',
				value: 'fourteenDayLetterTerm',
				action: 'Compute the 14 day letter term',
				description: 'Presumed delivery, last day to pay and the legally accepted wording for the 14-day letter (art. 6:96 BW).',
			},
			{
				name: 'Direct-Debit Collection Date',
				value: 'directDebitCollectionDate',
				action: 'Plan a direct debit collection date',
				description: 'A SEPA collection date just after payday or on the chosen day, with the pre-notification date and re-presentation after a reversal',
			},
			{
				name: 'Next Contact Moment',
				value: 'nextContactMoment',
				action: 'Find the next allowed contact moment',
				description: 'The earliest moment inside the legal contact window, after payday for the right personas, within the contact caps',
			},
		],
	},
	{
		displayName: 'Start Moment',
		name: 'startMoment',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.nextStepAt }} or 2026-07-06T09:00:00+02:00',
		description:
			'Plan from this moment on. Empty means now. An ISO date-time with or without offset (without: the workflow time zone) or a date (YYYY-MM-DD: midnight in Amsterdam). For the direct debit and the letter its Amsterdam date is "today" / the sending day.',
	},
	{
		displayName: 'Channel Source',
		name: 'channelSource',
		type: 'options',
		default: 'item',
		displayOptions: CONTACT_OPERATION,
		options: [
			{
				name: 'From the Item',
				value: 'item',
				description: 'Message.channel (Tone Template), else segmentation.channels[0] (Debtor Segmenter), else preferredChannel',
			},
			{ name: 'Fixed', value: 'fixed', description: 'The same channel for every item' },
		],
		description: 'Which channel the contact goes through; windows and caps differ per channel (letters have no hour window)',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'email',
		options: channelOptions,
		displayOptions: { show: { operation: ['nextContactMoment'], channelSource: ['fixed'] } },
		description: 'Channel of the contact',
	},
	{
		displayName: 'Not Schedulable Output',
		name: 'notSchedulableOutput',
		type: 'boolean',
		default: true,
		description:
			'Whether items that cannot be scheduled (deceased, MD07, account closed, no channel, no allowed moment) leave on a second output "Not Schedulable". Off: they stay on the main output with schedule.status "not-schedulable".',
	},
	reasonsLanguageProperty('Language of the reasons under schedule.reasons (letter phrases come in both languages)'),
	{
		displayName: 'Extra Designated Days',
		name: 'extraDesignatedDays',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2029-05-11, 2029-12-24',
		description:
			'Days the government designated as equal to a public holiday after this release (comma-separated YYYY-MM-DD). No contact on them, and they count as holidays for the letter term. The known days up to 2028 are built in.',
	},
	{
		displayName: 'Contact on Saturdays',
		name: 'saturdays',
		type: 'boolean',
		default: true,
		description:
			'Whether contact is made on Saturdays (the law allows it, 07:00-20:00). Off: no messages, calls, letters or pre-notifications on Saturdays.',
	},
	{
		displayName: 'Contact Hours',
		name: 'contactHours',
		type: 'fixedCollection',
		placeholder: 'Add Hours Rule',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: CONTACT_OPERATION,
		description:
			'Narrow the legal window (Monday-Saturday 07:00-20:00 Amsterdam time) per weekday and channel. Rules only narrow: where several apply, the latest start and earliest end win. Times outside 07:00-20:00 are cut back to it.',
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Channels',
						name: 'channels',
						type: 'multiOptions',
						options: channelOptions,
						default: [],
						description: 'Channels the rule is for. Empty: every channel except letters (letters have no hour window; name them to limit their days).',
					},
					{
						displayName: 'Days',
						name: 'days',
						type: 'multiOptions',
						options: weekdayOptions,
						default: [],
						description: 'Weekdays the rule is for. Empty: Monday to Saturday.',
					},
					{
						displayName: 'From',
						name: 'from',
						type: 'string',
						default: '07:00',
						placeholder: 'e.g. 09:00',
						description: 'Earliest time (HH:MM, Amsterdam time)',
					},
					{
						displayName: 'Until',
						name: 'until',
						type: 'string',
						default: '20:00',
						placeholder: 'e.g. 17:30',
						description: 'Contact must start before this time (HH:MM, Amsterdam time). 00:00 until 00:00 closes the day.',
					},
				],
			},
		],
	},
	{
		displayName: 'Payday Alignment',
		name: 'paydayAlignment',
		type: 'collection',
		placeholder: 'Change a Setting',
		default: {},
		displayOptions: CONTACT_OPERATION,
		description: 'Ask for payment just after the money arrives, never just before it (read from segmentation.persona)',
		options: [
			{
				displayName: 'From (Working Days After Income)',
				name: 'minWorkingDays',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'First day of contact, in working days after the expected income (0 = on payday itself)',
			},
			{
				displayName: 'Personas',
				name: 'personas',
				type: 'multiOptions',
				options: personaOptions,
				default: ['temporary-shortfall', 'structural-shortfall'],
				description: 'Personas whose contact waits until just after payday. Others are contacted at the first allowed moment.',
			},
			{
				displayName: 'Until (Working Days After Income)',
				name: 'maxWorkingDays',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'Last day of contact, in working days after the expected income; after it the next payday counts',
			},
		],
	},
	{
		displayName: 'Income Calendar',
		name: 'incomeCalendar',
		type: 'collection',
		placeholder: 'Change a Payday',
		default: {},
		displayOptions: NOT_LETTER,
		description:
			'When each kind of income arrives, unless the record says (income.dayOfMonth, income.anchorDate). Money arrives on bank business days: a day in the weekend or on a bank holiday moves to the bank business day before.',
		options: [
			{
				displayName: 'AOW Day of Month',
				name: 'aowDayOfMonth',
				type: 'number',
				default: 23,
				typeOptions: { minValue: 1, maxValue: 31 },
				description: 'Day the SVB pays the AOW pension (in practice the 21st-24th)',
			},
			{
				displayName: 'Bijstand Day of Month',
				name: 'bijstandDayOfMonth',
				type: 'number',
				default: 31,
				typeOptions: { minValue: 1, maxValue: 31 },
				description: 'Day the municipality pays social assistance when no municipality rule matches. 31 = the last bank business day of the month.',
			},
			{
				displayName: 'If Not a Bank Business Day',
				name: 'nonBusinessDay',
				type: 'options',
				default: 'previous',
				options: [
					{ name: 'Bank Business Day Before', value: 'previous' },
					{ name: 'Bank Business Day After', value: 'next' },
				],
				description: 'Where a payday on a weekend or bank holiday moves to',
			},
			{
				displayName: 'Salary Day of Month',
				name: 'salaryDayOfMonth',
				type: 'number',
				default: 25,
				typeOptions: { minValue: 1, maxValue: 31 },
				description: 'Payday of a monthly salary when the record gives no day (most employers pay the 23rd-25th); a day past month end is the last day',
			},
			{
				displayName: 'Unknown Income Day of Month',
				name: 'unknownDayOfMonth',
				type: 'number',
				default: 25,
				typeOptions: { minValue: 1, maxValue: 31 },
				description: 'Day assumed when the income type is unknown or its date is missing (the result says "assumed")',
			},
			{
				displayName: 'UWV Benefit Day of Month',
				name: 'uwvBenefitDayOfMonth',
				type: 'number',
				default: 22,
				typeOptions: { minValue: 1, maxValue: 31 },
				description: 'Day UWV pays fixed benefits such as WIA, WAO and Wajong (in practice the 21st-23rd)',
			},
			{
				displayName: 'WW Bank Business Day of Next Month',
				name: 'wwBusinessDayOfMonth',
				type: 'number',
				default: 8,
				typeOptions: { minValue: 1, maxValue: 15 },
				description: 'WW is paid in arrears after the income form: the n-th bank business day of the following month (roughly the 5th-15th)',
			},
		],
	},
	{
		displayName: 'Bijstand per Municipality',
		name: 'bijstandMunicipalities',
		type: 'fixedCollection',
		placeholder: 'Add Municipality',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: NOT_LETTER,
		description: 'Payday of social assistance per municipality (matched with income.municipality, case does not matter)',
		options: [
			{
				displayName: 'Municipality',
				name: 'municipality',
				values: [
					{
						displayName: 'Day of Month',
						name: 'dayOfMonth',
						type: 'number',
						default: 28,
						typeOptions: { minValue: 1, maxValue: 31 },
						description: 'Day the municipality pays (31 = the last bank business day of the month)',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Tilburg',
						description: 'Name of the municipality as in income.municipality',
					},
				],
			},
		],
	},
	{
		displayName: 'Contact Pressure',
		name: 'contactPressure',
		type: 'collection',
		placeholder: 'Change a Limit',
		default: {},
		displayOptions: CONTACT_OPERATION,
		description: 'Limits that keep contact humane, counted from the contacts in the record (outbound only unless set otherwise)',
		options: [
			{
				displayName: 'Count Inbound Contacts',
				name: 'countInboundContacts',
				type: 'boolean',
				default: false,
				description: 'Whether contacts the debtor started also count towards the limits',
			},
			{
				displayName: 'Max Contacts per 7 Days',
				name: 'maxContactsPer7Days',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 1, maxValue: 100 },
				description: 'At most this many contacts in any 7 x 24 hours, the new one included',
			},
			{
				displayName: 'Min Hours Between Contacts',
				name: 'minHoursBetweenContacts',
				type: 'number',
				default: 24,
				typeOptions: { minValue: 0, maxValue: 168 },
				description: 'At least this many hours between two contacts, on any channel',
			},
			{
				displayName: 'Min Hours Between Contacts on One Channel',
				name: 'minHoursSameChannel',
				type: 'number',
				default: 48,
				typeOptions: { minValue: 0, maxValue: 168 },
				description: 'At least this many hours between two contacts on the same channel (one e-mail per 48 hours)',
			},
		],
	},
	{
		displayName: 'Direct Debit',
		name: 'directDebit',
		type: 'collection',
		placeholder: 'Change a Setting',
		default: {},
		displayOptions: { show: { operation: ['directDebitCollectionDate'] } },
		options: [
			{
				displayName: 'Bank Business Days After Income',
				name: 'collectionOffsetDays',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'Collect this many bank business days after the expected income (when the debtor chose no day)',
			},
			{
				displayName: 'Pre-Notification Period (Days)',
				name: 'preNotificationDays',
				type: 'number',
				default: 14,
				typeOptions: { minValue: 0, maxValue: 60 },
				description: 'Calendar days between pre-notification and collection. SEPA: 14, unless a shorter period was agreed with the debtor.',
			},
			{
				displayName: 'Use Chosen Collection Day',
				name: 'usePreferredCollectionDay',
				type: 'boolean',
				default: true,
				description: 'Whether to collect on the day the debtor chose (preferredCollectionDay, flex-incasso) when the record has one',
			},
		],
	},
	{
		displayName: 'Letter',
		name: 'letter',
		type: 'collection',
		placeholder: 'Change a Setting',
		default: {},
		displayOptions: { show: { operation: ['fourteenDayLetterTerm'] } },
		options: [
			{
				displayName: 'Extend Past Weekend or Holiday',
				name: 'extendLetterTerm',
				type: 'boolean',
				default: true,
				description: 'Whether a last day to pay on a Saturday, Sunday or holiday moves to the next working day (Algemene termijnenwet, the careful choice)',
			},
			{
				displayName: 'Wording',
				name: 'letterWording',
				type: 'options',
				default: 'fourteen-days-from-day-after',
				options: [
					{
						name: 'Binnen Veertien Dagen Vanaf De Dag Nadat Deze Brief Bij U Is Bezorgd',
						value: 'fourteen-days-from-day-after',
					},
					{ name: 'Binnen Vijftien Dagen Nadat Deze Brief Bij U Is Bezorgd', value: 'fifteen-days-after' },
				],
				description: 'The term clause; both are accepted since the Hoge Raad ruling of 2016',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Jitter (Minutes)',
				name: 'jitterMinutes',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 120 },
				description:
					'Spread contact moments by up to this many minutes, the same for a debtor every run, so not everything goes out at 07:00. Never moves a moment out of what is allowed.',
			},
			{
				displayName: 'Never Schedule Personas',
				name: 'stopPersonas',
				type: 'multiOptions',
				options: personaOptions,
				default: ['deceased'],
				description: 'Personas that go to "Not Schedulable" instead of getting a contact moment. Deceased debtors never get one.',
			},
			{
				displayName: 'Now (for Replays)',
				name: 'now',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-07-06T09:00:00+02:00',
				description: 'Treat this moment as now (for dueNow, waitSeconds and an empty Start Moment). Empty: the real time.',
			},
			{
				displayName: 'Search Horizon (Days)',
				name: 'horizonDays',
				type: 'number',
				default: 366,
				typeOptions: { minValue: 7, maxValue: 3660 },
				description: 'How far ahead to look for a moment before the item counts as not schedulable',
			},
		],
	},
];
