/**
 * Builders for journey tests: debtor records, segmentations and a day-by-day walk that "sends" every
 * step the planner plans (logging it as a contact), the way the daily workflow does.
 */
import { dayNumber, getDutchCalendar, isoDate } from '../../../nodes/shared/calendar';
import type { Claim, Contact, DebtorRecord, Stage } from '../../../nodes/shared/debtor/model';
import { planJourney, parseLadders, type JourneyDecision, type JourneyOptions, type JourneySegmentation } from '../../../nodes/shared/journey';
import { PERSONA_PROFILES, type Persona } from '../../../nodes/shared/segmentation';

export const calendar = getDutchCalendar();
export const ladders = parseLadders(undefined);

export function claim(claimId: string, dueDate: string, openCents = 50000, extra: Partial<Claim> = {}): Claim {
	return { claimId, principalCents: Math.max(openCents, 50000), openCents, invoiceDate: '2026-01-01', dueDate, sector: 'retail', ...extra };
}

/** A reachable consumer: e-mail, mobile (SMS and phone) and a postal address. */
export function debtor(claims: Claim[], extra: Partial<DebtorRecord> = {}): DebtorRecord {
	return {
		debtorId: 'D-1',
		debtorType: 'consumer',
		firstName: 'Sanne',
		lastName: 'de Vries',
		contact: {
			email: 'sanne@example.nl',
			mobile: '+31612345678',
			address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' },
		},
		claims,
		...extra,
	};
}

/** The segmentation the planner reads; channels as the segmenter orders them for a reachable debtor. */
export function seg(persona: Persona, extra: Partial<JourneySegmentation> = {}): JourneySegmentation {
	const profile = PERSONA_PROFILES[persona];
	const reachable = ['email', 'sms', 'letter', 'phone'];
	return { persona, tone: profile.tone, channels: profile.channels.filter((c) => reachable.includes(c)), signals: [], ...extra };
}

/** An outbound contact at 10:00 Amsterdam time (the offset does not matter at 10:00 for the day). */
export function sentContact(date: string, stage: Stage, claimId?: string, channel: Contact['channel'] = 'email'): Contact {
	return { at: `${date}T10:00:00+01:00`, channel, direction: 'outbound', stage, outcome: 'sent', ...(claimId ? { claimId } : {}) };
}

export function plan(record: DebtorRecord, segmentation: JourneySegmentation, date: string, options: Partial<JourneyOptions> = {}): JourneyDecision {
	return planJourney(record, segmentation, { today: dayNumber(date), calendar, ladders, language: 'en', ...options });
}

export interface WalkedStep {
	date: string;
	stage: Stage;
	channel: string | null;
	tone: string | null;
	person: boolean;
	claimIds: string[];
}

/**
 * Plans every day from `from` to `to`; each step due that day is "sent": logged as a contact per
 * claim (as the daily journey workflow does). Returns the steps in order and the record at the end.
 */
export function walk(
	record: DebtorRecord,
	segmentation: JourneySegmentation,
	from: string,
	to: string,
	options: Partial<JourneyOptions> = {},
	onDay?: (date: string, decision: JourneyDecision, record: DebtorRecord) => DebtorRecord,
): { steps: WalkedStep[]; record: DebtorRecord; last: JourneyDecision } {
	const steps: WalkedStep[] = [];
	let current = record;
	let last: JourneyDecision | undefined;
	for (let day = dayNumber(from); day <= dayNumber(to); day++) {
		const date = isoDate(day);
		const decision = plan(current, segmentation, date, options);
		last = decision;
		if (decision.action === 'step') {
			steps.push({ date, stage: decision.stage!, channel: decision.channel, tone: decision.tone, person: decision.personalContact, claimIds: decision.claimIds });
			const logged = decision.claimIds.map((id) => sentContact(date, decision.stage!, id, decision.channel ?? 'email'));
			current = { ...current, contacts: [...(current.contacts ?? []), ...logged] };
		}
		if (onDay) current = onDay(date, decision, current);
	}
	return { steps, record: current, last: last! };
}

/** [date, stage, channel] triples, compact for assertions. */
export function summary(steps: WalkedStep[]): Array<[string, string, string | null]> {
	return steps.map((s) => [s.date, s.stage, s.channel]);
}
