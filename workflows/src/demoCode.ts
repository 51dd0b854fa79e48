/**
 * The JavaScript of the demo workflow's two Code nodes, kept here as readable source and written
 * into workflows/08-demo.json by build.ts. Both run inside n8n's Code node (task runner): plain
 * JavaScript, no imports, no console output (the CLI prints its run data on stdout).
 */

/** A small self-contained generator of a sample portfolio, dated relative to the reference day. */
export const DEMO_GENERATOR = String.raw`// A sample portfolio of a housing association, generated here so the demo needs no data.
// Every claim is dated relative to the reference day in Settings, so the demo works on any day.
const settings = $('Settings').first().json;
const ref = new Date(settings.referenceDate + 'T12:00:00Z');
const day = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const addMonths = (d, n) => { const x = new Date(d.getTime()); x.setUTCMonth(x.getUTCMonth() + n); return x; };
const address = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' };

// Twelve monthly rent claims; the newest is due 'lateDays' days before the reference day.
// 'open' lists how many of the newest claims are still open; 'lateMonths' how many older ones were
// paid late (chronic lateness).
function history(id, { cents = 65000, lateDays = 12, open = 0, lateMonths = 0, method = 'bank-transfer' } = {}) {
	const claims = [];
	const payments = [];
	const newestDue = addDays(ref, -lateDays);
	for (let k = 11; k >= 0; k--) {
		const due = addMonths(newestDue, -k);
		const claimId = id + '-' + day(due).slice(0, 7);
		const isOpen = k < open;
		claims.push({ claimId, principalCents: cents, openCents: isOpen ? cents : 0, invoiceDate: day(addDays(due, -14)), dueDate: day(due), sector: 'rent' });
		if (!isOpen) {
			const late = k >= open && k < open + lateMonths;
			payments.push({ claimId, amountCents: cents, date: day(addDays(due, late ? 20 : 0)), method });
		}
	}
	return { claims, payments };
}
const person = (debtorId, firstName, lastName, extra = {}) => ({
	debtorId, debtorType: 'consumer', firstName, lastName, language: 'nl', register: 'u',
	contact: { email: debtorId.toLowerCase() + '@voorbeeld.example', mobile: '+31612345678', address },
	income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 280000 },
	household: { composition: 'single' },
	...extra,
});
const contact = (daysAgo, stage, claimId, channel = 'email', outcome = 'opened') =>
	({ at: day(addDays(ref, -daysAgo)) + 'T10:00:00+01:00', channel, direction: 'outbound', stage, outcome, claimId });

const debtors = [];
debtors.push({ ...person('DEMO-01', 'Jan', 'Jansen'), ...history('DEMO-01') });
debtors.push({ ...person('DEMO-02', 'Fatima', 'El Amrani'), ...history('DEMO-02', { open: 1, lateDays: 6 }) });
// A name with characters that must be escaped in every HTML page.
debtors.push({ ...person('DEMO-03', 'Anne-Marie "Annie"', 'de Wit <b>& Zn</b>'), ...history('DEMO-03', { open: 1, lateDays: 9 }) });
debtors.push({ ...person('DEMO-04', 'Peter', 'Smith', { language: 'en' }), ...history('DEMO-04', { open: 1, lateDays: 4 }) });
{
	const h = history('DEMO-05', { open: 2, lateDays: 10 });
	const [older, newer] = h.claims.slice(-2).map((c) => c.claimId);
	debtors.push({
		...person('DEMO-05', 'Kees', 'van den Berg', { income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 450000 }, household: { composition: 'couple' } }),
		...h,
		contacts: [contact(38, 'reminder-1', older), contact(31, 'reminder-2', older), contact(9, 'reminder-1', newer)],
	});
}
debtors.push({
	...person('DEMO-06', 'Sanne', 'Bakker', { income: { type: 'bijstand', municipality: 'Utrecht', netMonthlyCents: 135000 }, household: { composition: 'single-parent' } }),
	...history('DEMO-06', { open: 3, lateMonths: 5, cents: 52000 }),
});
{
	const h = history('DEMO-07', { open: 1, lateDays: 3, method: 'direct-debit' });
	const last = h.claims[h.claims.length - 1];
	debtors.push({
		...person('DEMO-07', 'Mohammed', 'Yilmaz', { paymentMethod: 'direct-debit', iban: 'NL02ABNA0123456789' }),
		...h,
		reversals: [{ claimId: last.claimId, amountCents: last.principalCents, date: day(addDays(ref, -1)), reasonCode: 'AM04' }],
	});
}
{
	const h = history('DEMO-08', { open: 4, lateMonths: 3, lateDays: 15 });
	const ids = h.claims.slice(-4).map((c) => c.claimId);
	debtors.push({
		...person('DEMO-08', 'Ria', 'Hendriks'),
		...h,
		contacts: [contact(70, 'reminder-1', ids[0], 'letter', 'sent'), contact(60, 'reminder-2', ids[0], 'letter', 'sent'), contact(40, 'reminder-1', ids[1], 'email', 'sent'), contact(20, 'reminder-1', ids[2], 'email', 'sent')],
	});
}
debtors.push({ ...person('DEMO-09', 'Gerrit', 'Visser', { flags: { deceased: true } }), ...history('DEMO-09', { open: 2 }) });
debtors.push({ ...person('DEMO-10', 'Lotte', 'de Boer', { flags: { dispute: true } }), ...history('DEMO-10', { open: 1 }) });
debtors.push({
	debtorId: 'DEMO-11', debtorType: 'business', companyName: 'Bakkerij Brood & Banket B.V.', language: 'nl',
	contact: { email: 'administratie@bakkerij.example', address },
	claims: [{ claimId: 'DEMO-11-1', principalCents: 120000, openCents: 120000, invoiceDate: day(addDays(ref, -45)), dueDate: day(addDays(ref, -15)), sector: 'retail' }],
});
debtors.push({ ...person('DEMO-12', 'Emma', 'Mulder'), ...history('DEMO-12', { lateDays: 2 }) });

const size = Math.max(1, Math.min(debtors.length, Number(settings.portfolioSize) || debtors.length));
return debtors.slice(0, size).map((json) => ({ json }));
`;

/** Builds the outbox report: segment chart, calendar, every message as the debtor sees it. */
export const DEMO_REPORT = String.raw`// Everything that came out of the journey: sent, not sent, no step, invalid records.
const items = $input.all().map((item) => item.json);
const settings = $('Settings').first().json;
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const nameOf = (d) => d.companyName || [d.firstName, d.lastName].filter(Boolean).join(' ') || d.debtorId;

// Segments chart (inline SVG bars), counted over the whole portfolio.
const segments = {};
for (const d of items) { const p = d.segmentation?.persona ?? 'invalid'; segments[p] = (segments[p] ?? 0) + 1; }
const rows = Object.entries(segments).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const max = Math.max(1, ...rows.map((r) => r[1]));
const bar = 26;
// A viewBox, so the chart shrinks with a narrow (phone) screen instead of overflowing it.
const chartHeight = rows.length * bar + 10;
const chart = '<svg role="img" aria-label="Debtors per segment" width="560" height="' + chartHeight + '" viewBox="0 0 560 ' + chartHeight + '" style="max-width:100%;height:auto" xmlns="http://www.w3.org/2000/svg">' +
	rows.map(([persona, count], i) => '<g transform="translate(0,' + (i * bar) + ')"><text x="0" y="17" font-size="13">' + esc(persona) + '</text>' +
		'<rect x="190" y="4" height="18" width="' + Math.round((count / max) * 320) + '" fill="#1f5f8b"></rect>' +
		'<text x="' + (196 + Math.round((count / max) * 320)) + '" y="17" font-size="13" data-segment="' + esc(persona) + '">' + count + '</text></g>').join('') + '</svg>';

// Calendar of scheduled contacts, per day.
const sent = items.filter((d) => d.delivery);
const byDay = {};
for (const d of sent) { const date = d.schedule?.date ?? 'unscheduled'; (byDay[date] ??= []).push(d); }
const calendar = Object.keys(byDay).sort().map((date) => '<tr><th>' + esc(date) + '</th><td><ul>' +
	byDay[date].map((d) => '<li>' + esc(d.schedule?.time ?? '') + ' ' + esc(nameOf(d)) + ' - ' + esc(d.journey?.stage) + ' by ' + esc(d.delivery.channel ?? d.message?.channel) +
		(d.schedule?.paydayAligned ? ' (after payday)' : '') + '</li>').join('') + '</ul></td></tr>').join('');

// Every message as the debtor would see it. E-mails and letters in a sandboxed frame (their HTML
// is escaped into srcdoc), SMS and WhatsApp as text.
const messages = sent.map((d) => {
	const m = d.message ?? {};
	const channel = d.delivery.channel ?? m.channel;
	const body = (channel === 'email' || channel === 'letter') && m.html
		? '<iframe sandbox title="' + esc(m.subject ?? m.templateId) + '" srcdoc="' + esc(m.html) + '" style="width:100%;height:520px;border:1px solid #ccc"></iframe>'
		: '<pre class="sms">' + esc(channel === 'sms' ? (m.sms?.text ?? m.text) : (m.whatsapp?.text ?? m.text)) + '</pre>';
	return '<article class="message" data-debtor="' + esc(d.debtorId) + '" data-channel="' + esc(channel) + '">' +
		'<h3>' + esc(nameOf(d)) + ' (' + esc(d.debtorId) + ')</h3>' +
		'<p class="meta">' + esc(d.journey?.stage) + ' &middot; ' + esc(channel) + ' &middot; ' + esc(m.tone) + ' &middot; status ' + esc(d.delivery.status) +
		(d.delivery.simulated ? ' (sandbox: not sent)' : '') + ' &middot; ' + esc(m.amount) + '</p>' +
		(m.subject ? '<p><strong>' + esc(m.subject) + '</strong></p>' : '') + body + '</article>';
}).join('');

// Who got no message, and why.
const skipped = items.filter((d) => !d.delivery || d.delivery.status !== 'sent' && d.delivery.status !== 'queued');
const skippedRows = skipped.map((d) => '<tr data-debtor="' + esc(d.debtorId) + '"><td>' + esc(nameOf(d)) + '</td><td>' + esc(d.segmentation?.persona ?? 'invalid') + '</td><td>' +
	esc(d.error ? 'invalid record: ' + (d.error.message ?? '') : d.delivery ? 'not sent: ' + (d.delivery.reason ?? d.delivery.status) : d.journey ? d.journey.reason : '') + '</td><td>' +
	esc((d.journey?.reasons ?? []).slice(-1)[0] ?? '') + '</td></tr>').join('');

const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox ' + esc(settings.referenceDate) + '</title>' +
	'<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;overflow-wrap:anywhere}th{text-align:left;vertical-align:top;padding-right:1em}.calendar th{white-space:nowrap}.meta{color:#555}.sms{white-space:pre-wrap;background:#e8f5e9;padding:1em;border-radius:12px;max-width:420px}article{margin:2em 0}</style></head><body>' +
	'<h1>Outbox of ' + esc(settings.referenceDate) + ' (sandbox)</h1>' +
	'<p>' + items.length + ' debtors, ' + sent.filter((d) => ['sent', 'queued'].includes(d.delivery.status)).length + ' messages recorded by the sandbox, nothing sent.</p>' +
	'<h2>Segments</h2>' + chart +
	'<h2>Calendar of scheduled contacts</h2><table class="calendar">' + calendar + '</table>' +
	'<h2>Messages</h2>' + messages +
	'<h2>No message today</h2><table class="skipped"><tr><th>Debtor</th><th>Segment</th><th>Why</th><th>Last reason</th></tr>' + skippedRows + '</table>' +
	'</body></html>';

const count = (pred) => items.filter(pred).length;
// The page as a binary file (Buffer in n8n's task runner; the fallback keeps it working elsewhere).
const base64 = typeof Buffer !== 'undefined' ? Buffer.from(html, 'utf8').toString('base64') : btoa(unescape(encodeURIComponent(html)));
return [{ json: {
	referenceDate: settings.referenceDate,
	debtors: items.length,
	segments,
	messagesByChannel: sent.reduce((acc, d) => { if (['sent', 'queued'].includes(d.delivery.status)) acc[d.delivery.channel] = (acc[d.delivery.channel] ?? 0) + 1; return acc; }, {}),
	sent: count((d) => d.delivery && ['sent', 'queued'].includes(d.delivery.status)),
	skipped: skipped.map((d) => ({ debtorId: d.debtorId, why: d.error ? 'invalid' : d.delivery ? 'not-sent:' + (d.delivery.reason ?? d.delivery.status) : d.journey ? d.journey.reason : 'invalid' })),
	html,
}, binary: { report: { data: base64, mimeType: 'text/html', fileName: 'outbox.html', fileExtension: 'html' } } }];
`;
