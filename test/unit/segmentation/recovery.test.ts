/* eslint-disable no-console -- tests run in plain Node, not inside n8n */
/**
 * The segmenter recovers what the synthetic portfolio planted: for every persona, at least 95% of
 * planted debtors get that persona back (over several seeds and reference dates). Behaviour classes
 * and signals are reported too. The generator plants from its own process; it never calls the
 * segmenter, so agreement is earned.
 */
import { dayNumber } from '../../../nodes/shared/calendar/days';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor } from '../../../nodes/shared/segmentation';
import { PERSONAS, generateDebtor, type Persona } from '../../fixtures/portfolio';

const PER_PERSONA = 300;
const REFERENCE_DATES = ['2026-06-30', '2025-11-18', '2027-03-03'];

interface Tally {
	total: number;
	agree: number;
	confusions: Record<string, number>;
}

function recover(persona: Persona): { persona: Tally; behaviour: Tally } {
	const personaTally: Tally = { total: 0, agree: 0, confusions: {} };
	const behaviourTally: Tally = { total: 0, agree: 0, confusions: {} };
	for (let i = 0; i < PER_PERSONA; i++) {
		const referenceDate = REFERENCE_DATES[i % REFERENCE_DATES.length];
		const { record, truth } = generateDebtor(7 + (i % 5), 1000 + i, { persona, referenceDate });
		const result = segmentDebtor(record, { referenceDay: dayNumber(referenceDate), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
		personaTally.total++;
		if (result.persona === truth.persona) personaTally.agree++;
		else personaTally.confusions[result.persona] = (personaTally.confusions[result.persona] ?? 0) + 1;
		behaviourTally.total++;
		if (result.behaviour === truth.behaviour) behaviourTally.agree++;
		else behaviourTally.confusions[`${truth.behaviour}->${result.behaviour}`] = (behaviourTally.confusions[`${truth.behaviour}->${result.behaviour}`] ?? 0) + 1;
	}
	return { persona: personaTally, behaviour: behaviourTally };
}

const results = new Map<Persona, ReturnType<typeof recover>>();
const report: string[] = [];

afterAll(() => {
	console.log(['Persona recovery on planted cases (persona agreement; behaviour agreement):', ...report].join('\n'));
});

describe.each([...PERSONAS])('planted %s', (persona) => {
	test('is recovered in at least 95% of cases', () => {
		const result = recover(persona as Persona);
		results.set(persona as Persona, result);
		const share = result.persona.agree / result.persona.total;
		const behaviourShare = result.behaviour.agree / result.behaviour.total;
		report.push(
			`  ${persona.padEnd(22)} ${(share * 100).toFixed(1).padStart(5)}%  (behaviour ${(behaviourShare * 100).toFixed(1)}%)` +
				(Object.keys(result.persona.confusions).length ? `  confused with ${JSON.stringify(result.persona.confusions)}` : ''),
		);
		expect(share).toBeGreaterThanOrEqual(0.95);
	});
});
