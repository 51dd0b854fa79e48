/**
 * What each channel needs from the rendered message and the recipient. Adapters call these so a
 * message with a missing part fails the same way (field named, never retried) for every provider,
 * including the sandbox, which is the point of testing in the sandbox.
 */
import { SendValidationError, type MessageAttachment, type OutgoingMessage, type PostalAddress, type Recipient } from './types';

export interface EmailContent {
	to: string;
	subject: string;
	html?: string;
	text?: string;
	/** Checked attachments, inline ones (with `cid`) first as the message lists them. */
	attachments: MessageAttachment[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
// A Content-ID goes into a MIME header and an HTML attribute: no brackets, quotes or spaces.
const CONTENT_ID = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.@]+$/;

/**
 * The message's attachments, checked: each needs a file name, a MIME type and base64 content; an
 * inline one a plain Content-ID. Every `cid:` the HTML shows must have its attachment, or the debtor
 * would see a broken image (the EPC QR code, say).
 */
function emailAttachments(message: OutgoingMessage, html: string | undefined): MessageAttachment[] {
	const raw = message.attachments;
	if (raw === undefined || raw === null) return checkCidReferences(html, []);
	if (!Array.isArray(raw)) throw new SendValidationError('attachments must be a list', 'message.attachments');
	const attachments = raw.map((entry, index): MessageAttachment => {
		const field = `message.attachments[${index}]`;
		const item = (entry && typeof entry === 'object' ? entry : {}) as Partial<MessageAttachment>;
		const filename = typeof item.filename === 'string' ? item.filename.replace(/[\\/\r\n"]/g, '_').trim() : '';
		if (!filename) throw new SendValidationError(`attachment ${index + 1} has no file name`, `${field}.filename`);
		const contentType = typeof item.contentType === 'string' ? item.contentType.trim() : '';
		if (!CONTENT_TYPE.test(contentType)) throw new SendValidationError(`attachment ${index + 1} has no valid MIME type (e.g. image/png)`, `${field}.contentType`);
		const contentBase64 = typeof item.contentBase64 === 'string' ? item.contentBase64.replace(/\s+/g, '') : '';
		if (!contentBase64 || contentBase64.length % 4 !== 0 || !BASE64.test(contentBase64)) throw new SendValidationError(`attachment ${index + 1} has no valid base64 content`, `${field}.contentBase64`);
		const cid = typeof item.cid === 'string' && item.cid.trim() ? item.cid.trim().replace(/^<|>$/g, '') : undefined;
		if (cid !== undefined && !CONTENT_ID.test(cid)) throw new SendValidationError(`attachment ${index + 1} has an unusable Content-ID`, `${field}.cid`);
		return { filename, contentType, contentBase64, ...(cid ? { cid } : {}) };
	});
	return checkCidReferences(html, attachments);
}

function checkCidReferences(html: string | undefined, attachments: MessageAttachment[]): MessageAttachment[] {
	if (!html || !html.includes('cid:')) return attachments;
	const known = new Set(attachments.map((attachment) => attachment.cid).filter(Boolean));
	for (const match of html.matchAll(/["'(]cid:([^"')\s]+)/g)) {
		if (!known.has(match[1])) throw new SendValidationError(`the HTML shows cid:${match[1]} but no attachment has that Content-ID`, 'message.attachments');
	}
	return attachments;
}

export function emailContent(message: OutgoingMessage, recipient: Recipient): EmailContent {
	if (!recipient.email) throw new SendValidationError('the debtor has no e-mail address', 'contact.email', 'no-contact-data');
	const subject = typeof message.subject === 'string' ? message.subject.trim() : '';
	if (!subject) throw new SendValidationError('the message has no subject', 'message.subject');
	const html = typeof message.html === 'string' && message.html.trim() ? message.html : undefined;
	const text = typeof message.text === 'string' && message.text.trim() ? message.text : undefined;
	if (!html && !text) throw new SendValidationError('the message has neither HTML nor text', 'message.html');
	return { to: recipient.email, subject, html, text, attachments: emailAttachments(message, html) };
}

/** SMS text: the SMS rendering when the template made one, else the plain text. */
export function smsText(message: OutgoingMessage): string {
	const text = typeof message.sms?.text === 'string' && message.sms.text.trim() ? message.sms.text : typeof message.text === 'string' ? message.text : '';
	if (!text.trim()) throw new SendValidationError('the message has no SMS text', 'message.sms.text');
	return text;
}

export function mobileOf(recipient: Recipient): string {
	const mobile = (recipient.mobile ?? '').replace(/[\s-]/g, '');
	if (!mobile) throw new SendValidationError('the debtor has no mobile number', 'contact.mobile', 'no-contact-data');
	if (!/^\+[1-9]\d{6,14}$/.test(mobile)) throw new SendValidationError('the mobile number is not in E.164 form (+31612345678)', 'contact.mobile', 'invalid-contact');
	return mobile;
}

export interface WhatsAppTemplate {
	name: string;
	language: string;
	/** Positional values in order, or named values. */
	positional?: string[];
	named?: Record<string, string>;
}

export function whatsAppTemplate(message: OutgoingMessage): WhatsAppTemplate {
	const whatsapp = message.whatsapp ?? {};
	const name = typeof whatsapp.templateName === 'string' ? whatsapp.templateName.trim() : '';
	if (!name) throw new SendValidationError('the message has no WhatsApp template name (business-initiated WhatsApp messages must use an approved template)', 'message.whatsapp.templateName');
	const language = typeof whatsapp.language === 'string' && whatsapp.language.trim() ? whatsapp.language.trim() : 'nl';
	const parameters = whatsapp.parameters;
	if (parameters === undefined || parameters === null) return { name, language, positional: [] };
	if (Array.isArray(parameters)) return { name, language, positional: parameters.map((value) => String(value ?? '')) };
	if (typeof parameters === 'object') {
		const named: Record<string, string> = {};
		for (const [key, value] of Object.entries(parameters as Record<string, unknown>)) named[key] = String(value ?? '');
		return { name, language, named };
	}
	throw new SendValidationError('WhatsApp parameters must be a list or an object', 'message.whatsapp.parameters');
}

export function addressOf(recipient: Recipient): PostalAddress {
	const address = recipient.address;
	if (!address || !address.street || !address.postalCode || !address.city) {
		throw new SendValidationError('the debtor has no complete postal address', 'contact.address', 'no-contact-data');
	}
	return address;
}

export function letterPdf(message: OutgoingMessage): { pdf: Uint8Array; fileName: string } {
	const pdf = message.letter?.pdf;
	if (!pdf || pdf.length === 0) throw new SendValidationError('the letter has no PDF (set "Letter PDF Binary Field" to the binary property that holds it)', 'binary', 'no-letter-pdf');
	const head = String.fromCharCode(...pdf.subarray(0, 5));
	if (head !== '%PDF-') throw new SendValidationError('the letter file is not a PDF', 'binary', 'no-letter-pdf');
	return { pdf, fileName: message.letter?.fileName || 'letter.pdf' };
}

/** The sender option, required by most providers. */
export function requireFrom(from: string | undefined, what: string): string {
	const value = (from ?? '').trim();
	if (!value) throw new SendValidationError(`set the ${what} in the node options or the credential`, 'options.from', 'configuration');
	return value;
}
