/**
 * The plain-text part of every e-mail (every stage, language, tone and register, sample data) reads
 * well aloud (issue 24, section 2): no ASCII art, amounts with the euro sign as the language writes
 * them (a screen reader says "euro", not "E U R"), dates written out with the month's name.
 */
import { STAGES } from '../../../nodes/shared/debtor/model';
import { REGISTERS, TONES, TemplateLibrary, spokenAmounts } from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { renderSample } from '../../../build/gallery/gallery';

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);

const MONTHS = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** What a listener would stumble over in one line of text; '' when nothing. */
function problemIn(line: string, language: 'nl' | 'en'): string {
	if (/^[\s\p{P}\p{S}]+$/u.test(line)) return 'a line of only punctuation or symbols (ASCII art)';
	if (/([^\p{L}\p{N}\s.])\1\1/u.test(line) || /(^|\s)(--|==|\*\*|__|->|=>|<-)(\s|$)/.test(line)) return 'repeated symbols (ASCII art)';
	if (/^\s*[|+]|[|]\s*$/.test(line)) return 'a drawn table';
	if (/\bEUR\b/.test(line)) return 'the currency code EUR instead of the euro sign';
	const amount = language === 'nl' ? /€ \d{1,3}(\.\d{3})*,\d{2}\b/ : /€\d{1,3}(,\d{3})*\.\d{2}\b/;
	if (line.includes('€') && !amount.test(line)) return `an amount not written the ${language} way`;
	if (/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/.test(line)) return 'a date in digits';
	return '';
}

describe('plain-text e-mails read aloud', () => {
	test('every e-mail: no ASCII art, amounts with the euro sign the language way, dates with the month name', () => {
		const problems: string[] = [];
		let amounts = 0;
		let dates = 0;
		for (const stage of STAGES) {
			for (const language of ['nl', 'en'] as const) {
				for (const tone of TONES) {
					for (const register of REGISTERS) {
						const text = renderSample(library, stage, 'email', tone, register, language).text;
						for (const line of text.split('\n')) {
							const problem = line.trim() === '' ? '' : problemIn(line, language);
							if (problem) problems.push(`${stage}.${tone}.${register}.${language}: ${problem}: ${line}`);
						}
						if (text.includes('€')) amounts++;
						if (MONTHS[language].some((month) => text.includes(` ${month} 20`))) dates++;
					}
				}
			}
		}
		expect(problems).toEqual([]);
		// Not vacuous: most e-mails state an amount and a date.
		expect(amounts).toBeGreaterThan(STAGES.length * 12 * 0.8);
		expect(dates).toBeGreaterThan(STAGES.length * 12 * 0.8);
	});

	test('the check itself finds what a listener stumbles over', () => {
		expect(problemIn('--', 'nl')).toMatch(/ASCII art/);
		expect(problemIn('=====', 'en')).toMatch(/ASCII art/);
		expect(problemIn('Totaal ***** EUR', 'nl')).toMatch(/ASCII art/);
		expect(problemIn('| Bedrag | € 5,00 |', 'nl')).toBe('a drawn table');
		expect(problemIn('Betaal EUR 5,00.', 'nl')).toMatch(/EUR/);
		expect(problemIn('Pay € 5,00.', 'en')).toMatch(/not written the en way/);
		expect(problemIn('Betaal voor 01-05-2026.', 'nl')).toBe('a date in digits');
		expect(problemIn('Betaal € 1.234,50 uiterlijk vrijdag 1 mei 2026.', 'nl')).toBe('');
		expect(problemIn('Pay €1,234.50 by Friday 1 May 2026.', 'en')).toBe('');
	});

	test('spokenAmounts writes the euro sign the language way and leaves other text alone', () => {
		expect(spokenAmounts('Betaal EUR 1.234,50 en EUR 5,00.', 'nl')).toBe('Betaal € 1.234,50 en € 5,00.');
		expect(spokenAmounts('Pay EUR 1,234.50.', 'en')).toBe('Pay €1,234.50.');
		expect(spokenAmounts('EURO 5 and EUR-account, KEUR 5', 'en')).toBe('EURO 5 and EUR-account, KEUR 5');
	});

	test('SMS, letters and HTML keep the currency code (SMS stays GSM-7)', () => {
		const sms = renderSample(library, 'reminder-1', 'sms', 'neutral', 'u', 'nl');
		expect(sms.sms!.text).toContain('EUR 1.234,50');
		const email = renderSample(library, 'reminder-1', 'email', 'neutral', 'u', 'nl');
		expect(email.text).toContain('€ 1.234,50');
		expect(email.html).toContain('EUR 1.234,50');
		expect(renderSample(library, 'reminder-1', 'letter', 'neutral', 'u', 'nl').text).toContain('EUR 1.234,50');
	});
});
