/**
 * Journey ladders: per persona, the steps a claim goes through (domain brief sections 3, 4 and 6).
 * A step says what stage goes out, when (days after the due date or after the previous step), on
 * which channels in order of preference, in which tone, and whether a person must act.
 *
 * The defaults follow the brief: the forgetful get a friendly nudge, those who cannot pay get early
 * personal contact, an arrangement after payday and a referral to debt help without any cost
 * escalation, those who will not pay get firm reminders, the 14-day letter on schedule, the final
 * notice and handover. Users replace any persona's ladder with their own JSON in the canvas.
 */
import { CHANNELS, STAGES, type Channel, type Stage } from '../debtor/model';
import { TONES, type Tone } from '../messages/types';
import { PERSONAS, type Persona } from '../segmentation/personas';

export interface LadderStep {
	stage: Stage;
	/** Days after the base day (may be negative for a pre-due notice with `from: 'due'`). */
	days: number;
	/** Base day: the claim's due date, or the day the previous step about the claim went out. */
	from: 'due' | 'previous';
	/** Channels in order of preference; the first one the debtor can be reached on is used. */
	channels?: Channel[];
	/** Overrides the persona's tone for this step. */
	tone?: Tone;
	/** A person must act: a call task instead of (or before) an automated message. */
	person?: boolean;
	/** Hint for the Payday Scheduler: send 1-3 working days after the expected income. */
	afterPayday?: boolean;
}

export type Ladder = LadderStep[];

/** Ladders per persona; `<persona>/variant` keys give the variant group of an experiment its own ladder. */
export type Ladders = Record<string, Ladder>;

/** Stages that charge collection costs: allowed only after the 14-day letter term passed unpaid. */
export const COST_STAGES: ReadonlySet<Stage> = new Set<Stage>(['final-notice']);

/** Stages the planner plans itself, outside ladders (arrangements, reversals, thanks). */
const NON_LADDER_STAGES: ReadonlySet<Stage> = new Set<Stage>([
	'instalment-reminder',
	'missed-instalment',
	'arrangement-confirmation',
	'payment-received',
	'reversal-notice',
]);

const step = (stage: Stage, from: 'due' | 'previous', days: number, channels: Channel[], extra: Partial<LadderStep> = {}): LadderStep => ({
	stage,
	from,
	days,
	channels,
	...extra,
});

/** The built-in ladders, one per persona. */
export const DEFAULT_LADDERS: Readonly<Record<Persona, Ladder>> = Object.freeze({
	// Nothing overdue yet; a claim that slips gets a friendly first reminder (the segmenter calls the
	// debtor forgetful from the next day on, whose ladder continues from there).
	current: [step('reminder-1', 'due', 3, ['email', 'sms', 'whatsapp', 'letter'], { tone: 'neutral' })],
	// A friendly e-mail, then an SMS, then the 14-day letter.
	forgetful: [
		step('reminder-1', 'due', 3, ['email', 'sms', 'whatsapp', 'letter'], { tone: 'neutral' }),
		step('reminder-2', 'previous', 7, ['sms', 'whatsapp', 'email', 'letter'], { tone: 'neutral' }),
		step('fourteen-day-letter', 'previous', 7, ['letter', 'email'], { tone: 'neutral' }),
	],
	// Supportive, after payday, a short arrangement; the letter only late in the ladder.
	'temporary-shortfall': [
		step('reminder-1', 'due', 5, ['whatsapp', 'sms', 'email', 'letter'], { tone: 'supportive', afterPayday: true }),
		step('arrangement-offer', 'previous', 7, ['whatsapp', 'email', 'sms', 'letter'], { tone: 'supportive', afterPayday: true }),
		step('reminder-2', 'previous', 14, ['email', 'sms', 'letter'], { tone: 'supportive', afterPayday: true }),
		step('fourteen-day-letter', 'previous', 14, ['letter', 'email'], { tone: 'supportive' }),
	],
	// Early personal contact (pointing to debt help), an arrangement after payday, then a written
	// reminder with the debt-help referral and the offer to share contact details with the
	// municipality. No 14-day letter and no final notice: never stack costs.
	'structural-shortfall': [
		step('early-warning-care', 'due', 3, ['phone'], { tone: 'supportive', person: true }),
		step('arrangement-offer', 'previous', 5, ['whatsapp', 'email', 'letter', 'sms'], { tone: 'supportive', afterPayday: true }),
		step('early-warning-care', 'previous', 14, ['letter', 'email'], { tone: 'supportive' }),
	],
	// A person calls first; then one clear written step at a time.
	overwhelmed: [
		step('early-warning-care', 'due', 5, ['phone'], { tone: 'supportive', person: true }),
		step('reminder-1', 'previous', 5, ['letter', 'sms', 'email'], { tone: 'supportive' }),
		step('arrangement-offer', 'previous', 10, ['phone'], { tone: 'supportive', person: true, afterPayday: true }),
		step('fourteen-day-letter', 'previous', 14, ['letter', 'email'], { tone: 'supportive' }),
	],
	// Firm reminders and the 14-day letter on schedule, then the final notice before handover.
	'can-pay-wont-pay': [
		step('reminder-1', 'due', 1, ['email', 'sms', 'letter'], { tone: 'firm' }),
		step('reminder-2', 'previous', 7, ['email', 'sms', 'letter'], { tone: 'firm' }),
		step('fourteen-day-letter', 'previous', 7, ['letter', 'email'], { tone: 'firm' }),
		step('final-notice', 'previous', 3, ['letter', 'email'], { tone: 'firm' }),
	],
	// Paused: no collection steps while the dispute is investigated.
	dispute: [],
	// Stopped: no further messages.
	deceased: [],
	// After the pause: discuss an arrangement with the debtor and the debt counsellor.
	'debt-help': [step('arrangement-offer', 'due', 0, ['letter', 'email', 'phone'], { tone: 'supportive', person: true })],
	// Support, not collection: a person calls, then an arrangement offer. No costs.
	vulnerable: [
		step('early-warning-care', 'due', 3, ['phone'], { tone: 'supportive', person: true }),
		step('arrangement-offer', 'previous', 7, ['letter', 'email', 'phone'], { tone: 'supportive', afterPayday: true }),
	],
} as Record<Persona, Ladder>);

/** A problem in user-supplied ladders, naming the place, e.g. `forgetful[1].stage`. */
export interface LadderProblem {
	path: string;
	message: string;
}

/** Thrown when ladders from the canvas cannot be used; the message lists every problem. */
export class LadderError extends Error {
	constructor(readonly problems: LadderProblem[]) {
		super(`Ladders: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
		this.name = 'LadderError';
	}
}

const STEP_KEYS = new Set(['stage', 'days', 'from', 'channels', 'tone', 'person', 'afterPayday']);
const MAX_STEP_DAYS = 366;

function validateStep(raw: unknown, path: string, index: number, problems: LadderProblem[]): LadderStep | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		problems.push({ path, message: 'must be an object like {"stage": "reminder-1", "days": 3}' });
		return undefined;
	}
	const value = raw as Record<string, unknown>;
	for (const key of Object.keys(value)) {
		if (!STEP_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: `is not a step setting; use ${[...STEP_KEYS].join(', ')}` });
	}
	const before = problems.length;
	if (typeof value.stage !== 'string' || !(STAGES as readonly string[]).includes(value.stage)) {
		problems.push({ path: `${path}.stage`, message: `must be one of ${STAGES.join(', ')}` });
	} else if (NON_LADDER_STAGES.has(value.stage as Stage)) {
		problems.push({ path: `${path}.stage`, message: `"${value.stage}" is planned by the planner itself (arrangements, reversals, thanks), not by a ladder` });
	}
	if (typeof value.days !== 'number' || !Number.isInteger(value.days) || Math.abs(value.days) > MAX_STEP_DAYS) {
		problems.push({ path: `${path}.days`, message: `must be a whole number of days between -${MAX_STEP_DAYS} and ${MAX_STEP_DAYS}` });
	}
	if (value.from !== undefined && value.from !== 'due' && value.from !== 'previous') {
		problems.push({ path: `${path}.from`, message: 'must be "due" (the claim\'s due date) or "previous" (the previous step)' });
	}
	if (value.channels !== undefined) {
		if (!Array.isArray(value.channels) || value.channels.length === 0) {
			problems.push({ path: `${path}.channels`, message: `must be a non-empty list of ${CHANNELS.join(', ')}` });
		} else {
			value.channels.forEach((channel, i) => {
				if (!(CHANNELS as readonly unknown[]).includes(channel)) {
					problems.push({ path: `${path}.channels[${i}]`, message: `must be one of ${CHANNELS.join(', ')}` });
				}
			});
		}
	}
	if (value.tone !== undefined && !TONES.includes(value.tone as Tone)) {
		problems.push({ path: `${path}.tone`, message: `must be one of ${TONES.join(', ')}` });
	}
	for (const flag of ['person', 'afterPayday'] as const) {
		if (value[flag] !== undefined && typeof value[flag] !== 'boolean') problems.push({ path: `${path}.${flag}`, message: 'must be true or false' });
	}
	if (problems.length > before) return undefined;
	return {
		stage: value.stage as Stage,
		days: value.days as number,
		from: (value.from as 'due' | 'previous' | undefined) ?? (index === 0 ? 'due' : 'previous'),
		...(value.channels !== undefined ? { channels: [...(value.channels as Channel[])] } : {}),
		...(value.tone !== undefined ? { tone: value.tone as Tone } : {}),
		...(value.person !== undefined ? { person: value.person as boolean } : {}),
		...(value.afterPayday !== undefined ? { afterPayday: value.afterPayday as boolean } : {}),
	};
}

/** Legal shape of one ladder: the letter at most once, cost steps only after it. */
function validateLadderOrder(ladder: Ladder, key: string, problems: LadderProblem[]): void {
	let letterAt = -1;
	ladder.forEach((entry, i) => {
		if (entry.stage === 'fourteen-day-letter') {
			if (letterAt >= 0) problems.push({ path: `${key}[${i}].stage`, message: `repeats the 14-day letter of ${key}[${letterAt}]; a claim gets it only once` });
			else letterAt = i;
		}
		if (COST_STAGES.has(entry.stage) && letterAt < 0) {
			problems.push({
				path: `${key}[${i}].stage`,
				message: `"${entry.stage}" charges collection costs, so the ladder needs a "fourteen-day-letter" step before it (consumers owe costs only after its term)`,
			});
		}
	});
	if (ladder.length > 0 && ladder[0].from === 'previous') {
		problems.push({ path: `${key}[0].from`, message: 'the first step has no previous step; use "due"' });
	}
}

/**
 * Ladders from the canvas (JSON text or an object) merged over the defaults: personas left out keep
 * their built-in ladder; `[]` means no steps. Throws a LadderError naming every problem.
 */
export function parseLadders(input: unknown): Ladders {
	const ladders: Ladders = {};
	for (const persona of PERSONAS) ladders[persona] = DEFAULT_LADDERS[persona];
	if (input === undefined || input === null || input === '') return ladders;
	let value = input;
	if (typeof input === 'string') {
		let syntax: string | undefined;
		try {
			value = JSON.parse(input);
		} catch (error) {
			syntax = error instanceof Error ? error.message : String(error);
		}
		if (syntax !== undefined) throw new LadderError([{ path: '(json)', message: `is not valid JSON: ${syntax}` }]);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new LadderError([{ path: '(json)', message: 'must be an object with a list of steps per persona, e.g. {"forgetful": [...]}' }]);
	}
	const problems: LadderProblem[] = [];
	for (const [key, steps] of Object.entries(value as Record<string, unknown>)) {
		const [persona, variant] = key.split('/');
		if (!(PERSONAS as readonly string[]).includes(persona) || (variant !== undefined && variant !== 'variant')) {
			problems.push({ path: key, message: `is not a persona; use one of ${PERSONAS.join(', ')} (or "<persona>/variant" for an experiment)` });
			continue;
		}
		if (!Array.isArray(steps)) {
			problems.push({ path: key, message: 'must be a list of steps ([] for none)' });
			continue;
		}
		const ladder: Ladder = [];
		steps.forEach((raw, i) => {
			const parsed = validateStep(raw, `${key}[${i}]`, i, problems);
			if (parsed) ladder.push(parsed);
		});
		if (ladder.length === steps.length) validateLadderOrder(ladder, key, problems);
		ladders[key] = ladder;
	}
	if (problems.length > 0) throw new LadderError(problems);
	return ladders;
}
