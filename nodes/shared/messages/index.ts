/**
 * Rendering domain of the Tone Template node: the template library runtime, the view builder, the
 * formatting helpers, the EPC QR code, SMS encoding and plain-language checks. No n8n imports.
 */
export { BrandError, resolveBrand, type BankSettings, type BrandSettings, type ResolvedBrand } from './brand';
export { MIN_TEXT_CONTRAST, brandColourContrastWarning, contrastWithWhite } from './contrast';
export {
	composeMessage,
	resolveSelection,
	type ComposeOptions,
	type Fallback,
	type FromItem,
	type ItemParts,
	type MessageAttachment,
	type RenderedMessage,
	type ResolvedSelection,
	type Selection,
} from './compose';
export {
	CustomTemplateError,
	CustomTemplateSet,
	compileCustomTemplate,
	customTemplateCacheSizes,
	prepareCustomTemplates,
	renderCustom,
	type CompiledCustomTemplate,
	type CustomTemplateSource,
} from './custom';
export { formatIban, isValidIban, normaliseIban } from '../debtor/iban';
export {
	EPC_MAX_PAYLOAD_BYTES,
	EpcQrError,
	buildEpcPayload,
	isValidBic,
	isValidCreditorReference,
	qrPng,
	qrPngBase64,
	type EpcQrInput,
	type EpcQrProblem,
} from './epcQr';
export {
	countOf,
	escapeHtml,
	formatDay,
	formatMoney,
	linesOf,
	phoneHref,
	plural,
	singleLine,
	spokenAmounts,
	type CountableNoun,
} from './format';
export { htmlToText } from './htmlText';
export { LinkError, buildPaymentLink, checkHttpsUrl, checkImageSource, type PaymentLinkValues } from './paymentLink';
export { monochromePng } from './png';
export { READABILITY_LIMITS, readability, readabilityWarnings, syllables, type ReadabilityStats } from './readability';
export {
	SAFE_RUNTIME_OPTIONS,
	TemplateLibrary,
	TemplateRenderError,
	describeRenderError,
	tidyText,
	type DocumentChannel,
	type RenderedDocument,
	type RenderedWhatsApp,
} from './render';
export { isGsm7Character, smsInfo, toGsm7, type SmsEncoding, type SmsInfo } from './sms';
export {
	MESSAGE_CHANNELS,
	PART_NAMES,
	REGISTERS,
	TONES,
	type DocumentEntry,
	type GeneratedLibrary,
	type MessageChannel,
	type PartName,
	type Register,
	type SmsEntry,
	type StageAction,
	type StageMeta,
	type TemplateSpec,
	type Tone,
	type WhatsAppEntry,
} from './types';
export { MessageDataError, buildView, type BuiltView, type EpcQr, type MunicipalityOfferMode, type QrImageMode, type ViewInput, type ViewSettings } from './view';
