/**
 * Formatting helpers, payment links and the brand settings check.
 */
import { dayNumber, formatDate } from '../../../nodes/shared/calendar';
import { paymentLinkFactory } from '../../../nodes/shared/messages/paymentLink';
import {
	BrandError,
	LinkError,
	buildPaymentLink,
	checkImageSource,
	countOf,
	formatDay,
	formatIban,
	formatMoney,
	htmlToText,
	linesOf,
	phoneHref,
	plural,
	resolveBrand,
	singleLine,
	syllables,
} from '../../../nodes/shared/messages';

describe('money and dates', () => {
	test('cents as "EUR 1.234,50" in Dutch and "EUR 1,234.50" in English', () => {
		expect(formatMoney(123450, 'nl')).toBe('EUR 1.234,50');
		expect(formatMoney(123450, 'en')).toBe('EUR 1,234.50');
		expect(formatMoney(5, 'nl')).toBe('EUR 0,05');
		expect(formatMoney(100000000, 'nl')).toBe('EUR 1.000.000,00');
		expect(formatMoney(-1230, 'en')).toBe('-EUR 12.30');
	});

	test('dates per language and style', () => {
		const day = dayNumber('2026-05-12');
		expect(formatDay(day, 'nl')).toBe('dinsdag 12 mei 2026');
		expect(formatDay(day, 'en')).toBe('Tuesday 12 May 2026');
		expect(formatDay(day, 'nl', 'short')).toBe('12-05-2026');
		expect(formatDay(day, 'en', 'short')).toBe('12/05/2026');
		expect(formatDay(day, 'nl', 'medium')).toBe('12 mei 2026');
		expect(formatDay(day, 'en', 'iso')).toBe('2026-05-12');
	});

	test('remembered dates never answer for another day, language or style', () => {
		const days = [dayNumber('2026-05-12'), dayNumber('2026-05-13'), dayNumber('1999-12-31')];
		for (let round = 0; round < 2; round++) {
			for (const day of days) {
				for (const language of ['nl', 'en'] as const) {
					for (const style of ['long', 'medium', 'short', 'iso'] as const) expect(formatDay(day, language, style)).toBe(formatDate(day, language, style));
				}
			}
		}
		expect(() => formatDay(1.5, 'nl')).toThrow(RangeError);
	});

	test('pluralisation', () => {
		expect(plural('invoice', 1, 'nl')).toBe('factuur');
		expect(countOf('invoice', 3, 'nl')).toBe('3 facturen');
		expect(countOf('instalment', 1, 'en')).toBe('1 instalment');
		expect(countOf('instalment', 0, 'en')).toBe('0 instalments');
		expect(countOf('day', 2, 'nl')).toBe('2 dagen');
	});
});

describe('text clean-up', () => {
	test('IBAN in groups of four', () => {
		expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
	});

	test('single lines: control characters and line breaks become one space; long values are cut', () => {
		expect(singleLine('Jan\r\n\tde\u0000Vries\u2028!')).toBe('Jan de Vries !');
		expect(singleLine('x'.repeat(10), 5)).toBe('xxxx…');
		expect(linesOf('Postbus 1\n\n3000 AA  Rotterdam\\nNL')).toEqual(['Postbus 1', '3000 AA Rotterdam', 'NL']);
	});

	test('tel: links keep digits and a leading +', () => {
		expect(phoneHref('+31 (0)10 123 45 67')).toBe('+310101234567');
		expect(phoneHref('010-123 45 67')).toBe('0101234567');
	});

	test('HTML to text for custom templates', () => {
		expect(htmlToText('<html><head><style>p{}</style></head><body><p>Hallo&nbsp;<b>Jan</b></p><p>Betaal via <a href="https://x.example/p">deze link</a>.</p><ul><li>een</li><li>twee</li></ul></body></html>')).toBe(
			'Hallo Jan\nBetaal via deze link (https://x.example/p).\n- een\n- twee',
		);
		expect(htmlToText('A &amp; B &#8364; &#x20AC; &lt;x&gt;')).toBe('A & B € € <x>');
	});

	test('syllables approximate by vowel groups', () => {
		expect(syllables('betalingsregeling', 'nl')).toBe(6);
		expect(syllables('herinnering', 'nl')).toBe(4);
		expect(syllables('make', 'en')).toBe(1);
		expect(syllables('instalment', 'en')).toBe(3);
	});
});

describe('payment links', () => {
	const values = { reference: 'F 2026/0398', debtorId: 'D-1', amountCents: 123450 };

	test('placeholders are filled in and URL-encoded', () => {
		expect(buildPaymentLink('https://pay.example/{reference}?a={amount}&c={amountCents}&d={debtorId}', values)).toBe(
			'https://pay.example/F%202026%2F0398?a=1234.50&c=123450&d=D-1',
		);
	});

	test('without placeholders the reference is added to the query string, before a fragment', () => {
		expect(buildPaymentLink('https://pay.example/p', values)).toBe('https://pay.example/p?reference=F%202026%2F0398');
		expect(buildPaymentLink('https://pay.example/p?x=1', values)).toBe('https://pay.example/p?x=1&reference=F%202026%2F0398');
		expect(buildPaymentLink('https://pay.example/p?x=1#top', values)).toBe('https://pay.example/p?x=1&reference=F%202026%2F0398#top');
	});

	test('the builder made once per run writes the same links as buildPaymentLink', () => {
		const bases = [
			'https://pay.example/{reference}/{debtorId}?a={amount}&c={amountCents}#r={reference}',
			'https://pay.example/{amount}{amount}',
			'https://pay.example/p',
			'https://pay.example/p?x=1#top',
		];
		const debtors = [values, { reference: 'Ä & é?#', debtorId: 'D/2 3', amountCents: 5 }];
		for (const base of bases) {
			const build = paymentLinkFactory(base);
			for (const debtor of debtors) expect(build(debtor)).toBe(buildPaymentLink(base, debtor));
		}
		expect(() => paymentLinkFactory('http://pay.example/{reference}')).toThrow(/https/);
	});

	test('only complete https links without credentials', () => {
		expect(() => buildPaymentLink('http://pay.example/{reference}', values)).toThrow(new LinkError('brand.paymentLinkBase', 'must be an https:// link (got http)'));
		expect(() => buildPaymentLink('javascript:alert(1)//{reference}', values)).toThrow(/https/);
		expect(() => buildPaymentLink('https://user:pw@pay.example/{reference}', values)).toThrow('must not contain a user name or password');
		expect(() => buildPaymentLink('pay.example/{reference}', values)).toThrow(/not a complete URL/);
	});

	test('logo sources: https or an inline image', () => {
		expect(checkImageSource('data:image/png;base64,iVBORw0KGgo=', 'brand.logoUrl')).toBe('data:image/png;base64,iVBORw0KGgo=');
		expect(() => checkImageSource('data:text/html;base64,PHNjcmlwdD4=', 'brand.logoUrl')).toThrow(/https/);
	});
});

describe('brand settings', () => {
	const fieldOf = (run: () => unknown) => {
		try {
			run();
		} catch (error) {
			return (error as BrandError).field;
		}
		return 'no error';
	};

	test('sender name and a way to reach a person are required', () => {
		expect(fieldOf(() => resolveBrand({ phone: '010 1234567' }))).toBe('brand.senderName');
		expect(() => resolveBrand({ senderName: 'X' })).toThrow('brand.phone: set a phone number or a contact e-mail address: every message must say how to reach a person');
		expect(resolveBrand({ senderName: 'X', contactEmail: 'a@b.nl' }).brandColour).toBe('#1f5f8b');
	});

	test('each bad setting is named', () => {
		const ok = { senderName: 'X', phone: '010 1234567' };
		expect(fieldOf(() => resolveBrand({ ...ok, primaryColour: 'red;position:fixed' }))).toBe('brand.primaryColour');
		expect(fieldOf(() => resolveBrand({ ...ok, contactEmail: 'not-an-address' }))).toBe('brand.contactEmail');
		expect(fieldOf(() => resolveBrand({ ...ok, helpUrl: 'http://x.example' }))).toBe('brand.helpUrl');
		expect(fieldOf(() => resolveBrand({ ...ok, paymentLinkBase: 'ftp://x/{reference}' }))).toBe('brand.paymentLinkBase');
		expect(fieldOf(() => resolveBrand(ok, { iban: 'NL92ABNA0417164300' }))).toBe('bank.iban');
		expect(fieldOf(() => resolveBrand(ok, { iban: 'NL91ABNA0417164300', bic: 'XYZ' }))).toBe('bank.bic');
		expect(fieldOf(() => resolveBrand(ok, { iban: 'NL91ABNA0417164300', accountHolder: 'x'.repeat(71) }))).toBe('bank.accountHolder');
	});

	test('normalises what it keeps', () => {
		const brand = resolveBrand({ senderName: ' Woonstad\n', phone: '010 123 45 67', footer: 'a\nb' }, { iban: 'nl91 abna 0417 1643 00', bic: 'abnanl2a' });
		expect(brand).toMatchObject({ senderName: 'Woonstad', phoneHref: '0101234567', footerLines: ['a', 'b'], iban: 'NL91ABNA0417164300', ibanFormatted: 'NL91 ABNA 0417 1643 00', bic: 'ABNANL2A', accountHolder: 'Woonstad' });
	});
});

/** The message of what `run` throws. */
function captured(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('did not throw');
}

describe('formatMoney agrees with formatCents', () => {
	test('for edge values and a sweep of amounts in both languages', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the reference implementation
		const { formatCents } = require('../../../nodes/shared/money') as typeof import('../../../nodes/shared/money');
		const amounts = [0, 1, 9, 10, 99, 100, 999, 1000, 99999, 100000, 123456, 99999999, 100000000, 12345678901, 99999999999, -1, -123456];
		for (let cents = 0; cents < 5_000_000_000; cents = cents * 3 + 7) amounts.push(cents);
		for (const amount of amounts) for (const language of ['nl', 'en'] as const) expect(formatMoney(amount, language)).toBe(formatCents(amount, language));
		// Beyond what a message can state both refuse, with the same reason.
		for (const amount of [123456789012, Number.MAX_SAFE_INTEGER, 1e300]) {
			for (const language of ['nl', 'en'] as const) expect(() => formatMoney(amount, language)).toThrow(captured(() => formatCents(amount, language)));
		}
	});
});
